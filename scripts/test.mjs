// `npm test`: build, type-check, lint and every test, in two lanes for two cores: the fast tier
// (unit tests, rules, corpus, grammar, snippets, docs, the lint tests) in one process, and the slow
// tier (stdio server, CLI, Access Analyzer fake, fuzz) one file per process. Stale output in out/ (a
// compiled file whose source is gone) is removed first, so deleted tests do not keep running.
// `--unit`: the fast tier only. End-to-end tests in a real VS Code: `npm run test:e2e`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const started = Date.now();

export const FAST_TIER = ['out/server/', 'out/test/corpus/', 'out/test/grammar/', 'out/test/snippets/', 'out/test/lint/', 'out/test/docs/'];
export const SLOW_TIER_A = ['out/test/fuzz/'];
export const SLOW_TIER_B = ['out/test/lsp/', 'out/test/cli/', 'out/test/accessAnalyzer/'];

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function fail(title, status) {
  console.error(`\n${title} failed (exit ${status}).`);
  process.exit(typeof status === 'number' && status !== 0 ? status : 1);
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
    if (existsSync(out)) {
      visit(out, path.join(root, project));
    }
  }
  return removed;
}

const removed = removeStaleOutput();
if (removed.length > 0) {
  console.log(`== removed ${removed.length} stale file(s) from out/ (their sources are gone)`);
}
// Two lanes for two cores. Lane A: eslint (it reads the sources, not out/), then the fuzz (the
// longest test file) once the build is there. Lane B: build, type-check, the fast tier, the rest
// of the slow tier. Lane A's output is held back and printed at the end.
const unitOnly = process.argv.includes('--unit');
let builtResolve;
const built = new Promise((resolve) => (builtResolve = resolve));

const laneA = (async () => {
  const results = [await quietStep('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.'])];
  // the formatter check joins once the code base has been formatted (the file marks it)
  if (existsSync(path.join(root, '.prettier-enforced'))) {
    results.push(await quietStep('format (prettier --check)', bin('prettier'), ['--check', '.']));
  }
  if (!unitOnly && (await built)) {
    results.push(await quietStep('tests, slow tier: fuzz', process.execPath, ['--test', '--test-reporter=spec', ...SLOW_TIER_A]));
  }
  return results;
})();

const laneB = (async () => {
  const results = [];
  for (const [title, command, args] of [
    ['build (catalog + bundles)', process.execPath, [path.join(root, 'scripts', 'build.mjs')]],
    ['type-check (tsc -b)', bin('tsc'), ['-b']],
  ]) {
    const r = await liveStep(title, command, args);
    results.push(r);
    if (r.status !== 0) {
      builtResolve(false);
      return results;
    }
  }
  builtResolve(true);
  const fast = await liveStep('tests, fast tier (one process)', process.execPath, [
    '--test-reporter=spec',
    path.join(root, 'scripts', 'test-in-one-process.mjs'),
    ...FAST_TIER,
  ]);
  results.push(fast);
  if (!unitOnly) {
    results.push(
      await liveStep('tests, slow tier: stdio server, CLI, Access Analyzer', process.execPath, [
        '--test',
        '--test-reporter=spec',
        ...SLOW_TIER_B,
      ]),
    );
  }
  return results;
})();

const results = [...(await laneB), ...(await laneA)];
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
if (failed) {
  fail(failed.title, failed.status);
}
