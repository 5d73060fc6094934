/** Which files the CLI reads: named files, directories (walked), and globs; and their language. */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { resolveIn, type CliIo } from './io';

const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'dist', 'out', 'cdk.out', '.serverless', '.aws-sam', 'coverage']);
const EXTENSIONS: Record<string, string> = {
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.template': 'yaml',
  '.tf': 'terraform',
  '.tofu': 'terraform',
  // CDK apps: read only when they import the CDK's IAM module (embedded/cdk.ts)
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.py': 'python',
};

export function languageOf(file: string): string | undefined {
  if (file.endsWith('.tf.json') || file.endsWith('.tofu.json')) {
    return 'json';
  }
  if (file.endsWith('.d.ts')) {
    return undefined;
  }
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

export interface Target {
  /** path as given or found (relative paths stay relative for output; relative to the run's working directory) */
  path: string;
  /** named explicitly: must be a policy, or it is an input error */
  explicit: boolean;
}

function walk(io: Pick<CliIo, 'cwd'>, dir: string, out: Target[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(resolveIn(io, dir), { withFileTypes: true });
  } catch (err) {
    // an unreadable directory is an input error: its policies would go unchecked
    errors.push(`${dir}: cannot read directory: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
        walk(io, full, out, errors);
      }
    } else if (entry.isFile() && languageOf(entry.name)) {
      out.push({ path: full, explicit: false });
    }
  }
}

/**
 * Expands the command line's operands. `errors` gets a message for each operand that matches
 * nothing and each directory that cannot be read. FIFOs, devices and sockets are not walked
 * into; named explicitly, they become targets that the linter skips with a message.
 */
export function collectTargets(operands: string[], errors: string[], io: Pick<CliIo, 'cwd'>): Target[] {
  const out: Target[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      out.push({ path: '-', explicit: true });
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(resolveIn(io, operand));
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      walk(io, operand, out, errors);
    } else if (stat) {
      out.push({ path: operand, explicit: true });
    } else if (picomatch.scan(operand).isGlob) {
      const { base, glob } = picomatch.scan(operand);
      const matcher = picomatch(glob, { dot: false });
      const found: Target[] = [];
      walk(io, base || '.', found, errors);
      const matches = found.filter((t) =>
        matcher(
          path
            .relative(base || '.', t.path)
            .split(path.sep)
            .join('/'),
        ),
      );
      if (matches.length === 0) {
        errors.push(`${operand}: no such file, directory or matching file`);
      }
      out.push(...matches);
    } else {
      errors.push(`${operand}: no such file, directory or matching file`);
    }
  }
  // a file named twice is linted once
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.path) ? false : (seen.add(t.path), true)));
}
