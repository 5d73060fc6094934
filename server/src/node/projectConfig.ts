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

export interface ProjectConfig {
  /** the config file's path, if one was found */
  file?: string;
  value: unknown;
  error?: string;
}

export function findProjectConfig(fromFile: string, stopAt?: string): ProjectConfig {
  let dir = path.dirname(path.resolve(fromFile));
  for (let i = 0; i < 64; i++) {
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(candidate);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
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
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) {
      break;
    }
    dir = parent;
  }
  return { value: {} };
}
