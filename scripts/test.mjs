// `npm test`: build, type-check, then lint and every test side by side (2 cores): the fast tier
// (unit tests, rules, corpus, grammar, snippets, the lint test) in one process, then the slow tier
// (stdio server, CLI, Access Analyzer fake, fuzz) one file per process. Stale output in out/ (a
// compiled file whose source is gone) is removed first, so deleted tests do not keep running.
// `--unit`: the fast tier only. End-to-end tests in a real VS Code: `npm run test:e2e`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const started = Date.now();

export const FAST_TIER = ['out/server/', 'out/test/corpus/', 'out/test/grammar/', 'out/test/snippets/', 'out/test/lint/', 'out/test/docs/'];
export const SLOW_TIER = ['out/test/lsp/', 'out/test/cli/', 'out/test/accessAnalyzer/', 'out/test/fuzz/'];

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function fail(title, status) {
  console.error(`\n${title} failed (exit ${status}).`);
  process.exit(typeof status === 'number' && status !== 0 ? status : 1);
}

function step(title, command, args) {
  const start = Date.now();
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {fail(title, result.status ?? result.signal);}
  console.log(`== ${title}: ok in ${seconds(start)}`);
}

/** Runs a step with its output held back until it ends (so it does not interleave with the tests). */
function quietStep(title, command, args) {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status, signal) => resolve({ title, status: status ?? signal, output, time: seconds(start) }));
  });
}

function liveStep(title, command, args) {
  const start = Date.now();
  console.log(`\n== ${title}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (status, signal) => resolve({ title, status: status ?? signal, output: '', time: seconds(start) }));
  });
}

/** Compiled files in out/ whose TypeScript source no longer exists. */
function removeStaleOutput() {
  const removed = [];
  const visit = (dir, sourceDir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        const source = path.join(sourceDir, d.name);
        if (existsSync(source)) {
          visit(file, source);
        } else {
          rmSync(file, { recursive: true, force: true });
          removed.push(file);
        }
        continue;
      }
      const stem = d.name.replace(/(\.d\.ts|\.js|\.js\.map|\.d\.ts\.map)$/, '');
      if (stem !== d.name && !existsSync(path.join(sourceDir, `${stem}.ts`))) {
        rmSync(file, { force: true });
        removed.push(file);
      }
    }
  };
  for (const project of ['server', 'client', 'test']) {
    const out = path.join(root, 'out', project);
    if (existsSync(out)) {visit(out, path.join(root, project));}
  }
  return removed;
}

const removed = removeStaleOutput();
if (removed.length > 0) {
  console.log(`== removed ${removed.length} stale file(s) from out/ (their sources are gone)`);
}
step('build (catalog + bundles)', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
step('type-check (tsc -b)', bin('tsc'), ['-b']);

const checks = (async () => {
  const results = [await quietStep('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.'])];
  // the formatter check joins once the code base has been formatted (the file marks it)
  if (existsSync(path.join(root, '.prettier-enforced'))) {
    results.push(await quietStep('format (prettier --check)', bin('prettier'), ['--check', '.']));
  }
  return results;
})();
const tests = (async () => {
  const fast = await liveStep('tests, fast tier (one process)', process.execPath, ['--test-reporter=spec', path.join(root, 'scripts', 'test-in-one-process.mjs'), ...FAST_TIER]);
  if (fast.status !== 0 || process.argv.includes('--unit')) {return [fast];}
  return [fast, await liveStep('tests, slow tier (a process per file)', process.execPath, ['--test', '--test-reporter=spec', ...SLOW_TIER])];
})();

const results = [...(await checks), ...(await tests)];
for (const r of results) {
  if (r.output) {
    console.log(`\n== ${r.title}\n${r.output.trimEnd()}`);
  }
}
console.log('');
for (const r of results) {
  console.log(`== ${r.title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${r.time}`);
}
console.log(`== npm test: ${seconds(started)} in all`);
const failed = results.find((r) => r.status !== 0);
if (failed) {fail(failed.title, failed.status);}
