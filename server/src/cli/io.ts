/**
 * What one iam-policy-lint run reads from and writes to its host: the output streams, the working
 * directory, the environment and stdin. The process entry (main.ts `run`, bin/iam-policy-lint) binds
 * it to `process`; the tests run the shipped bundle in-process with their own, several runs in one
 * process, each with its own working directory, environment and locale. No module of the CLI reads
 * process.stdout/stderr/cwd/env or sets the exit code itself. (Access Analyzer's AWS SDK reads its
 * credentials from the process environment: that stays the process's.)
 */
import fs from 'node:fs';
import path from 'node:path';

/** An output stream: text in, and whether it is a terminal (colour, the progress line). */
export interface CliWriter {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** the directory relative paths are read from and reported relative to (absolute) */
  cwd: string;
  /** the environment: locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), NO_COLOR, IAM_POLICY_* paths */
  env: Readonly<Record<string, string | undefined>>;
  /** all of stdin, read when `-` is an operand */
  readStdin(): Buffer;
}

/** The process's own streams, directory and environment (the CLI as a user runs it). */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: () => fs.readFileSync(0),
  };
}

/** A path as the user gave it (relative to the run's working directory, or absolute), made absolute. */
export function resolveIn(io: Pick<CliIo, 'cwd'>, file: string): string {
  return path.resolve(io.cwd, file);
}

/** A path as reports show it: relative to the run's working directory, with forward slashes. */
export function relativeTo(io: Pick<CliIo, 'cwd'>, file: string): string {
  return path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/');
}
