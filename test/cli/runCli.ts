/**
 * Runs the shipped CLI bundle (dist/cli.js, what bin/iam-policy-lint loads) in this process: its
 * `main(argv, io)` with the given arguments, working directory, environment and stdin, collecting
 * what it writes. The bundle loads once for all the runs of a test process, instead of once per
 * spawned CLI. `spawnCli` is the real process, for the tests whose subject is the process itself.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import type { CliIo } from '../../server/src/cli/io';

export const root = path.resolve(__dirname, '..', '..', '..');
export const bin = path.join(root, 'bin', 'iam-policy-lint');
const bundle = path.join(root, 'dist', 'cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  /** the run's working directory (default: the repository root) */
  cwd?: string;
  /** added to this process's environment (with NO_COLOR=1); a key set to undefined is removed */
  env?: Record<string, string | undefined>;
  /** stdin, for the `-` operand */
  input?: string | Buffer;
  /** stdout and stderr claim to be terminals (colour, the progress line) */
  tty?: boolean;
}

/** This process's environment, read once (the tests never change it). */
let base: Record<string, string | undefined> | undefined;

/** The environment of a run: this process's, NO_COLOR=1, then the run's own (undefined removes). */
export function runEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  base ??= { ...process.env };
  const env: Record<string, string | undefined> = { ...base, NO_COLOR: '1', ...extra };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

let cli: { main(argv: string[], io: CliIo): Promise<number> } | undefined;

/** One run of the shipped bundle in this process. */
export async function runCli(argv: string[], options: CliRun = {}): Promise<CliResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cli ??= require(bundle) as { main(argv: string[], io: CliIo): Promise<number> };
  let stdout = '';
  let stderr = '';
  const tty = options.tty ?? false;
  const code = await cli.main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    cwd: options.cwd ?? root,
    env: runEnv(options.env),
    readStdin: () => Buffer.from(options.input ?? ''),
  });
  return { code, stdout, stderr };
}

/** A child's result: no exit status when a signal ended it. */
export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The real bin/iam-policy-lint in a child process (its exit status, signals, pipes, another user). */
export function spawnCli(argv: string[], options: CliRun & Pick<SpawnSyncOptions, 'uid' | 'gid' | 'timeout'> = {}): SpawnResult {
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: runEnv(options.env),
    timeout: options.timeout ?? 60_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout as string, stderr: r.stderr as string };
}

/** The same without blocking this process (a server in this process answers the CLI). */
export function spawnCliAsync(argv: string[], options: CliRun = {}): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd: options.cwd ?? root, env: runEnv(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
