/**
 * Finds and reads the project configuration (`.iampolicy.json`) nearest to a file, walking up
 * to the filesystem root (or a stop directory). The editor asks on every request, so the answer
 * is cached: a file's modification time is checked at most once a second (and at once after
 * clearProjectConfigCache), and it is re-read only when that changed. A broken file is reported,
 * never fatal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../shared/settings';

interface Cached {
  mtimeMs: number;
  /** when the modification time was last compared */
  checkedAt: number;
  value: unknown;
  error?: string;
}

const cache = new Map<string, Cached>();
/** directory -> the config file that applies there ('' for none); cleared when config files change */
const dirCache = new Map<string, string>();

const RECHECK_MS = 1000;

/** Forget which directories have a config file and when files were checked (config files changed). */
export function clearProjectConfigCache(): void {
  dirCache.clear();
  for (const entry of cache.values()) {
    entry.checkedAt = 0;
  }
}

export interface ProjectConfig {
  /** the config file's path, if one was found */
  file?: string;
  value: unknown;
  error?: string;
}

export function findProjectConfig(fromFile: string, stopAt?: string): ProjectConfig {
  const start = path.dirname(path.resolve(fromFile));
  const known = dirCache.get(start);
  if (known !== undefined) {
    return known ? (readConfig(known) ?? { value: {} }) : { value: {} };
  }
  const found = searchUp(start, stopAt);
  dirCache.set(start, found?.file ?? '');
  return found ?? { value: {} };
}

function result(file: string, entry: Cached): ProjectConfig {
  return { file, value: entry.value, ...(entry.error ? { error: entry.error } : {}) };
}

/** The config at `candidate`, from the cache when fresh; `known` is a stat the caller already made. */
function readConfig(candidate: string, known?: fs.Stats): ProjectConfig | undefined {
  const now = Date.now();
  const cached = cache.get(candidate);
  if (cached && !known && now - cached.checkedAt < RECHECK_MS) {
    return result(candidate, cached);
  }
  let stat = known;
  try {
    stat ??= fs.statSync(candidate);
  } catch {
    cache.delete(candidate);
    return undefined;
  }
  if (cached && cached.mtimeMs === stat.mtimeMs) {
    cached.checkedAt = now;
    return result(candidate, cached);
  }
  let entry: Cached;
  try {
    entry = { mtimeMs: stat.mtimeMs, checkedAt: now, value: JSON.parse(fs.readFileSync(candidate, 'utf8')) as unknown };
  } catch (err) {
    entry = {
      mtimeMs: stat.mtimeMs,
      checkedAt: now,
      value: {},
      error: `${candidate}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  cache.set(candidate, entry);
  return result(candidate, entry);
}

function searchUp(start: string, stopAt: string | undefined): ProjectConfig | undefined {
  let dir = start;
  for (let i = 0; i < 64; i++) {
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(candidate);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      return readConfig(candidate, stat);
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) {
      break;
    }
    dir = parent;
  }
  return undefined;
}
