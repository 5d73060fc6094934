// Builds the VSIX: a production build (minified bundles), then @vscode/vsce with only the files
// .vscodeignore lets through; dependencies are already in the bundles. Prints the size.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const VSCE = '@vscode/vsce@3.9.2';

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
// vsce runs `vscode:prepublish` (the production build) itself; skip the repeat with --no-update-package-json
execFileSync(
  'npm',
  [
    'exec',
    '--yes',
    `--package=${VSCE}`,
    '--',
    'vsce',
    'package',
    '--no-dependencies',
    '--skip-license',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '-o',
    out,
  ],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
const bytes = fs.statSync(out).size;
console.log(`VSIX: ${path.relative(root, out)} ${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes)`);
// the production build replaced the development bundles; put sourcemapped ones back for tests
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
