/**
 * The committed (HEAD) text of a file, for the editor's "vs HEAD" access diff. git runs only when
 * the caller says the workspace is trusted, hardened against repository configuration that runs
 * code or reaches the network: no fsmonitor, hooks, lazy fetches, pagers, prompts or inherited
 * GIT_* variables; `cat-file blob` prints the stored bytes with no filters or textconv. A timeout
 * and an output cap bound it; any failure reads as "no HEAD version".
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const GIT_TIMEOUT_MS = 5000;
/** Larger committed files are not compared (the editor would wait on them). */
export const GIT_MAX_BYTES = 4 * 1024 * 1024;

const HARDENING = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.untrackedCache=false',
  '-c',
  'protocol.allow=never',
  '-c',
  'core.sshCommand=false',
  '-c',
  'credential.helper=',
  '-c',
  'core.pager=cat',
  '--no-pager',
];

/** The environment git runs with: the parent's minus every GIT_* variable (no GIT_DIR redirect), plus safety switches. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^GIT_/i.test(k)) {
      env[k] = v;
    }
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
  };
}

function run(args: string[], cwd: string): Promise<{ ok: true; stdout: string } | { ok: false }> {
  return new Promise((resolve) => {
    try {
      execFile(
        'git',
        [...HARDENING, ...args],
        { cwd, env: gitEnv(), encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_BYTES, windowsHide: true },
        (err, stdout) => resolve(err ? { ok: false } : { ok: true, stdout }),
      );
    } catch {
      resolve({ ok: false });
    }
  });
}

/**
 * The file's text at HEAD, or undefined when it has none (not in a repository, not committed,
 * git missing, too large, timed out).
 */
export function headText(file: string): Promise<string | undefined> {
  const now = Date.now();
  const cached = headCache.get(file);
  if (cached && now - cached.at < HEAD_CACHE_MS) {
    return cached.text;
  }
  const text = readHead(file);
  headCache.set(file, { at: now, text });
  if (headCache.size > 200) {
    headCache.delete(headCache.keys().next().value as string);
  }
  return text;
}

/** HEAD moves on commits and checkouts: a file's answer is reused this long (lens requests come on every edit). */
const HEAD_CACHE_MS = 2000;
const headCache = new Map<string, { at: number; text: Promise<string | undefined> }>();

async function readHead(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    return undefined;
  }
  const top = await run(['rev-parse', '--show-toplevel'], dir);
  if (!top.ok) {
    return undefined;
  }
  const root = top.stdout.trim();
  let rel: string;
  try {
    rel = path.relative(fs.realpathSync(root), fs.realpathSync(dir));
  } catch {
    return undefined;
  }
  const spec = `HEAD:${[...rel.split(path.sep).filter(Boolean), path.basename(file)].join('/')}`;
  const shown = await run(['cat-file', 'blob', spec], root);
  return shown.ok ? shown.stdout : undefined;
}

/** A file's saved text (capped like git's output); undefined when it cannot be read. */
export function savedText(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > GIT_MAX_BYTES) {
      return undefined;
    }
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
