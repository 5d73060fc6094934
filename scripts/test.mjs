// `npm test`: build, type-check, lint, then every test (unit, protocol over stdio, corpus).
// End-to-end tests in a real VS Code run separately: `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function step(title, command, args) {
  const start = Date.now();
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`== ${title}: ok in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

step('build (catalog + bundles)', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
step('type-check (tsc -b)', bin('tsc'), ['-b']);
step('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
const suites = ['out/server/'];
if (process.argv.includes('--unit')) {
  // unit tests only
} else {
  suites.push('out/test/');
}
step('tests (node:test)', process.execPath, ['--test', '--test-reporter=spec', ...suites]);
