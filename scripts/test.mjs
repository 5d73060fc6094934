// `npm test`: format check, lint, build, type-check and every test, as jobs on every core. The fast
// tier (unit tests, rules, corpus, grammar, snippets, docs, the lint tests) runs in one process;
// each file of the slow tier (stdio server, CLI, Access Analyzer fake, fuzz) is a job of its own.
// A job starts when the jobs it needs have passed; among the ready ones the longest chain goes
// first (durations of the last run, kept in .cache/test-times.json), so both cores stay busy.
// Stale output in out/ (a compiled file whose source is gone) is removed first, so deleted tests
// do not keep running. prettier and eslint keep their caches in .cache/ (gitignored, outside
// node_modules: `npm ci` keeps them; delete .cache/ for a cold run). Each job's output is printed
// whole when it ends. `--unit`: the fast tier only. `TEST_JOBS=n`: n jobs at a time.
// End-to-end tests in a real VS Code: `npm run test:e2e`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const cache = path.join(root, '.cache');
const timesFile = path.join(cache, 'test-times.json');
const started = Date.now();

export const FAST_TIER = ['out/server/', 'out/test/corpus/', 'out/test/grammar/', 'out/test/snippets/', 'out/test/lint/', 'out/test/docs/'];
/**
 * The slow tier: every other compiled test file under out/test/ (stdio server, CLI, Access
 * Analyzer fake, fuzz, evaluate, l10n, managed policies, README, npm package), one job per file
 * (each spawns servers or CLIs, or runs long). Taken from the folder, so no test folder is left out.
 */
export const SLOW_TIER_ROOT = 'out/test/';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

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

/** The slow tier's test files, once the type-check has compiled them. */
function slowTierFiles() {
  const fast = new Set(FAST_TIER.map((d) => path.join(root, d)));
  const files = [];
  const visit = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (!fast.has(file + path.sep)) {
          visit(file);
        }
      } else if (d.name.endsWith('.test.js')) {
        files.push(path.relative(root, file));
      }
    }
  };
  visit(path.join(root, SLOW_TIER_ROOT));
  return files;
}

function readTimes() {
  try {
    return JSON.parse(readFileSync(timesFile, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * ESLint's cache holds a file's result while the file is unchanged, but a type-aware rule
 * (no-floating-promises) also reads the types the file imports. They are all in the declarations
 * tsc -b writes (every .d.ts in out/) and in the dependencies (package-lock.json), so the cache is kept
 * only while those and the lint config are unchanged; otherwise every file is linted again.
 */
function eslintCacheKey() {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        visit(file);
      } else if (d.name.endsWith('.d.ts')) {
        hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
      }
    }
  };
  visit(path.join(root, 'out'));
  for (const f of [
    'package-lock.json',
    'eslint.config.mjs',
    'tsconfig.base.json',
    'server/tsconfig.json',
    'test/tsconfig.json',
    'client/tsconfig.json',
  ]) {
    hash.update(`${f}\0`).update(existsSync(path.join(root, f)) ? readFileSync(path.join(root, f)) : '');
  }
  return hash.digest('hex');
}

const eslintCache = path.join(cache, 'eslint.json');
const eslintKey = path.join(cache, 'eslint.key');
/** With a cache, eslint waits for the type-check and keeps the cache only if the types are unchanged; without, it starts at once. */
const eslintWarm = existsSync(eslintCache);

function keepEslintCacheIfTypesUnchanged() {
  const key = eslintCacheKey();
  if (!existsSync(eslintKey) || readFileSync(eslintKey, 'utf8') !== key) {
    rmSync(eslintCache, { force: true });
    writeFileSync(eslintKey, key);
  }
}

const removed = removeStaleOutput();
if (removed.length > 0) {
  console.log(`== removed ${removed.length} stale file(s) from out/ (their sources are gone)`);
}
const unitOnly = process.argv.includes('--unit');
const slots =
  Number(process.env.TEST_JOBS) > 0 ? Number(process.env.TEST_JOBS) : Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
mkdirSync(cache, { recursive: true });
const times = readTimes();

/**
 * A job: a command, the jobs it needs, and a guess of its length (seconds of the last run, else
 * an estimate) used to start the longest chain first. `expand` adds jobs once it has passed.
 */
const jobs = [
  {
    title: 'format (prettier --check)',
    command: bin('prettier'),
    args: ['--check', '--cache', '--cache-strategy', 'content', '--cache-location', path.join(cache, 'prettier'), '.'],
    estimate: 20,
  },
  {
    title: 'lint (eslint)',
    command: bin('eslint'),
    args: ['--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', eslintCache, '.'],
    // with a cache, after the type-check: its declarations say whether the cache may be kept
    ...(eslintWarm ? { needs: ['type-check and compile (tsc -b)'], prepare: keepEslintCacheIfTypesUnchanged } : {}),
    estimate: 35,
  },
  { title: 'build (catalog + bundles)', command: process.execPath, args: [path.join(root, 'scripts', 'build.mjs')], estimate: 3 },
  {
    title: 'type-check and compile (tsc -b)',
    command: bin('tsc'),
    args: ['-b'],
    estimate: 30,
    // the slow tier's files are known once they are compiled
    expand: () =>
      unitOnly
        ? []
        : slowTierFiles().map((file) => ({
            title: `tests: ${file.replace(/^out[\\/]test[\\/]/, '').replace(/\.test\.js$/, '')}`,
            command: process.execPath,
            args: ['--test', '--test-reporter=spec', file],
            needs: ['build (catalog + bundles)', 'type-check and compile (tsc -b)'],
            estimate: 5,
          })),
  },
  {
    title: 'tests, fast tier (one process)',
    command: process.execPath,
    args: ['--test-reporter=spec', path.join(root, 'scripts', 'test-in-one-process.mjs'), ...FAST_TIER],
    needs: ['build (catalog + bundles)', 'type-check and compile (tsc -b)'],
    estimate: 45,
  },
];

/** Longest chain from a job to the end: its own length plus that of its longest dependant. */
function chain(job) {
  const own = times[job.title] ?? job.estimate;
  const after = jobs.filter((j) => j.needs?.includes(job.title) && j.state === 'waiting').map(chain);
  // the slow tier is not known before the type-check: count it as a share of the last run's total
  const unknown = job.expand && !unitOnly ? (times['slow tier (sum)'] ?? 60) / slots : 0;
  return own + Math.max(0, unknown, ...after);
}

for (const job of jobs) {
  job.state = 'waiting';
}

function runJob(job) {
  job.state = 'running';
  job.start = Date.now();
  job.prepare?.();
  return new Promise((resolve) => {
    const child = spawn(job.command, job.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => (output += `${err.message}\n`));
    child.on('close', (status, signal) => {
      job.status = status ?? signal;
      job.ms = Date.now() - job.start;
      job.state = job.status === 0 ? 'passed' : 'failed';
      job.output = output;
      resolve(job);
    });
  });
}

const running = new Set();
await new Promise((allDone) => {
  const pump = () => {
    for (const job of jobs) {
      // a job whose prerequisite failed does not run
      if (job.state === 'waiting' && job.needs?.some((n) => jobs.find((j) => j.title === n)?.state === 'failed')) {
        job.state = 'skipped';
      }
    }
    const ready = jobs
      .filter((j) => j.state === 'waiting' && (j.needs ?? []).every((n) => jobs.find((x) => x.title === n)?.state === 'passed'))
      .sort((a, b) => chain(b) - chain(a));
    while (running.size < slots && ready.length > 0) {
      const job = ready.shift();
      const promise = runJob(job).then(() => {
        running.delete(promise);
        console.log(`\n== ${job.title}: ${job.state === 'passed' ? 'ok' : `FAILED (exit ${job.status})`} in ${seconds(job.ms)}`);
        if (job.output.trim()) {
          console.log(job.output.trimEnd());
        }
        if (job.state === 'passed' && job.expand) {
          for (const extra of job.expand()) {
            jobs.push({ ...extra, state: 'waiting' });
          }
        }
        pump();
      });
      running.add(promise);
    }
    if (running.size === 0) {
      allDone();
    }
  };
  pump();
});

// durations for the next run's order (a failed or skipped job keeps its old one)
const slow = jobs.filter((j) => j.title.startsWith('tests: ') && j.state === 'passed');
for (const job of jobs.filter((j) => j.state === 'passed')) {
  times[job.title] = Math.round(job.ms / 100) / 10;
}
if (slow.length > 0) {
  times['slow tier (sum)'] = Math.round(slow.reduce((n, j) => n + j.ms, 0) / 1000);
}
writeFileSync(timesFile, `${JSON.stringify(times, null, 2)}\n`);
// a cache made without a key (a cold run) gets the key of the types it was made with
if (!eslintWarm && jobs.find((j) => j.title === 'type-check and compile (tsc -b)')?.state === 'passed') {
  writeFileSync(eslintKey, eslintCacheKey());
}

console.log('');
let tests = 0;
let passed = 0;
for (const job of jobs) {
  const state = job.state === 'passed' ? 'ok' : job.state === 'skipped' ? 'not run (a job it needs failed)' : `FAILED (exit ${job.status})`;
  console.log(`== ${job.title}: ${state}${job.ms !== undefined ? ` in ${seconds(job.ms)}` : ''}`);
  tests += Number(/^ℹ tests (\d+)$/m.exec(job.output ?? '')?.[1] ?? 0);
  passed += Number(/^ℹ pass (\d+)$/m.exec(job.output ?? '')?.[1] ?? 0);
}
console.log(`== ${tests} tests, ${passed} passed; npm test: ${seconds(Date.now() - started)} in all, ${slots} jobs at a time`);
const failed = jobs.filter((j) => j.state !== 'passed');
if (failed.length > 0) {
  console.error(`\n${failed.map((j) => j.title).join(', ')}: failed or not run.`);
  process.exit(1);
}
