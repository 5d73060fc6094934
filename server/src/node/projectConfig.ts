/**
 * Finds and reads the project configuration (`.iampolicy.json`) nearest to a file, walking up
 * to the filesystem root (or a stop directory). Cached by path and modification time, so the
 * editor re-reads it only after it changed. A broken file is reported, never fatal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../shared/settings';

interface Cached {
  mtimeMs: number;
  value: unknown;
  error?: string;
}

const cache = new Map<string, Cached>();
/** directory -> the config file that applies there ('' for none); cleared when config files change */
const dirCache = new Map<string, string>();

/** Forget which directories have a config file (the editor calls this when one is created or deleted). */
export function clearProjectConfigCache(): void {
  dirCache.clear();
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
    return known ? readConfig(known) ?? { value: {} } : { value: {} };
  }
  const found = searchUp(start, stopAt);
  dirCache.set(start, found?.file ?? '');
  return found ?? { value: {} };
}

function readConfig(candidate: string): ProjectConfig | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(candidate);
  } catch {
    return undefined;
  }
  const cached = cache.get(candidate);
  if (cached && cached.mtimeMs === stat.mtimeMs) {
    return { file: candidate, value: cached.value, ...(cached.error ? { error: cached.error } : {}) };
  }
  let entry: Cached;
  try {
    entry = { mtimeMs: stat.mtimeMs, value: JSON.parse(fs.readFileSync(candidate, 'utf8')) as unknown };
  } catch (err) {
    entry = { mtimeMs: stat.mtimeMs, value: {}, error: `${candidate}: ${err instanceof Error ? err.message : String(err)}` };
  }
  cache.set(candidate, entry);
  return { file: candidate, value: entry.value, ...(entry.error ? { error: entry.error } : {}) };
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
      return readConfig(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) {
      break;
    }
    dir = parent;
  }
  return undefined;
}
