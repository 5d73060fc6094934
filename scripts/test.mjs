// `npm test`: format check, lint, build, type-check and every test, as jobs on every core. Tests
// run in groups, each group in one process (scripts/test-in-one-process.mjs: the catalog, the rules
// and the test helpers load once per group, not once per file): the unit tests in two shards, the
// stdio server, the CLI, the fuzz, and so on (TEST_GROUPS). A test folder no group names gets a job
// of its own, so none is left out. A job starts when the jobs it needs have passed; among the ready
// ones the longest chain goes first (durations of the last run, kept in .cache/test-times.json), so
// both cores stay busy. Stale output in out/ (a compiled file whose source is gone) is removed
// first, so deleted tests do not keep running. The type-check is TypeScript 7's native compiler
// (the typescript-native dev dependency; eslint's type-aware rule uses the typescript package).
// prettier and eslint keep their caches in .cache/ (gitignored, outside node_modules: `npm ci`
// keeps them; delete .cache/ for a cold run). Each job's output is printed whole when it ends, and
// the summary gives the wall time and the CPU time of all jobs. `--unit`: the unit groups only.
// `TEST_JOBS=n`: n jobs at a time. End-to-end tests in a real VS Code: `npm run test:e2e`.
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

/**
 * The test groups: each runs its test files (compiled, under out/) in one process. A file belongs
 * to the first group with a folder that holds it; `unit` groups are the ones `--unit` runs. The two
 * unit shards are split by folder so that each takes about half of the unit tests' time.
 */
const TEST_GROUPS = [
  { title: 'unit (features, analysis)', dirs: ['out/server/src/features/', 'out/server/src/analysis/'], unit: true },
  {
    title: 'unit (rules, syntax, embedded... + corpus, grammar, snippets, docs, lint)',
    dirs: ['out/server/src/', 'out/test/corpus/', 'out/test/grammar/', 'out/test/snippets/', 'out/test/docs/', 'out/test/lint/'],
    unit: true,
  },
  { title: 'stdio server (lsp, Access Analyzer fake)', dirs: ['out/test/lsp/', 'out/test/accessAnalyzer/'] },
  { title: 'CLI', dirs: ['out/test/cli/'] },
  { title: 'fuzz', dirs: ['out/test/fuzz/'] },
  {
    title: 'access engine, managed policies, l10n, README',
    dirs: ['out/test/evaluate/', 'out/test/managed/', 'out/test/l10n/', 'out/test/readme/'],
  },
  // spawns npm pack and an offline install: a process of its own
  { title: 'npm package', dirs: ['out/test/package/'] },
];
/** Compiled test files not under out/test/e2e (the editor tests, run by `npm run test:e2e`). */
const TEST_ROOTS = ['out/server/', 'out/test/'];
const EXCLUDED = ['out/test/e2e/'];

const TYPE_CHECK = 'type-check and compile (tsc -b, TypeScript 7)';
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

/** Every compiled test file, as paths relative to the root with forward slashes. */
function testFiles() {
  const files = [];
  const visit = (dir) => {
    if (!existsSync(dir)) {
      return;
    }
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, d.name);
      const rel = `${path.relative(root, file).split(path.sep).join('/')}${d.isDirectory() ? '/' : ''}`;
      if (d.isDirectory() && !EXCLUDED.includes(rel)) {
        visit(file);
      } else if (d.name.endsWith('.test.js')) {
        files.push(rel);
      }
    }
  };
  for (const r of TEST_ROOTS) {
    visit(path.join(root, r));
  }
  return files;
}

/** The test jobs: the groups' files, and a job per folder of out/test/ that no group names. */
function testJobs(files, unitOnly) {
  const groups = TEST_GROUPS.map((g) => ({ ...g, files: [] }));
  const extra = new Map();
  for (const file of files) {
    const group = groups.find((g) => g.dirs.some((d) => file.startsWith(d)));
    if (group) {
      group.files.push(file);
    } else {
      const folder = /^out\/test\/[^/]+\//.exec(file)?.[0] ?? path.posix.dirname(file);
      extra.set(folder, [...(extra.get(folder) ?? []), file]);
    }
  }
  const jobs = [
    ...groups.filter((g) => g.files.length > 0 && (!unitOnly || g.unit)).map((g) => ({ title: `tests: ${g.title}`, files: g.files })),
    ...(unitOnly ? [] : [...extra].map(([folder, f]) => ({ title: `tests: ${folder.replace(/^out\/test\//, '')}`, files: f }))),
  ];
  return jobs.map((j) => ({
    title: j.title,
    command: process.execPath,
    args: ['--test-reporter=spec', path.join(root, 'scripts', 'test-in-one-process.mjs'), ...j.files],
    needs: ['build (catalog + bundles)', TYPE_CHECK],
    estimate: 10,
  }));
}

/** CPU time of the finished child processes and theirs (Linux: /proc/self/stat), in seconds. */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields from the state (3rd of the file): cutime and cstime are the file's 16th and 17th, in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
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
    // Prettier's new CLI (the default of Prettier 4): its cache check of an unchanged tree takes 1.3 CPU-s against 4.4
    args: ['--experimental-cli', '--check', '--cache', '--cache-location', path.join(cache, 'prettier-cli.json'), '.'],
    estimate: 20,
  },
  {
    title: 'lint (eslint)',
    command: bin('eslint'),
    args: ['--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', eslintCache, '.'],
    // with a cache, after the type-check: its declarations say whether the cache may be kept
    ...(eslintWarm ? { needs: [TYPE_CHECK], prepare: keepEslintCacheIfTypesUnchanged } : {}),
    estimate: 35,
  },
  { title: 'build (catalog + bundles)', command: process.execPath, args: [path.join(root, 'scripts', 'build.mjs')], estimate: 3 },
  {
    title: TYPE_CHECK,
    command: process.execPath,
    args: [path.join(root, 'node_modules', 'typescript-native', 'bin', 'tsc'), '-b'],
    estimate: 5,
    // the test files are known once they are compiled
    expand: () => testJobs(testFiles(), unitOnly),
  },
];

/** Longest chain from a job to the end: its own length plus that of its longest dependant. */
function chain(job) {
  const own = times[job.title] ?? job.estimate;
  const after = jobs.filter((j) => j.needs?.includes(job.title) && j.state === 'waiting').map(chain);
  // the tests are not known before the type-check: count them as a share of the last run's total
  const unknown = job.expand ? (times['tests (sum)'] ?? 60) / slots : 0;
  return own + Math.max(0, unknown, ...after);
}

for (const job of jobs) {
  job.state = 'waiting';
}

let reapedCpu = childrenCpuSeconds() ?? 0;
const timing = (job) => `${seconds(job.ms)}${job.cpu === undefined ? '' : ` (${job.cpu.toFixed(1)} CPU-s)`}`;

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
    // the CPU time of the child and its descendants: what the children's total grew by when it was reaped
    // (about: two children reaped in the same turn of the event loop count as the first one's)
    child.on('exit', () => {
      const now = childrenCpuSeconds();
      if (now !== undefined) {
        job.cpu = now - reapedCpu;
        reapedCpu = now;
      }
    });
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
        console.log(`\n== ${job.title}: ${job.state === 'passed' ? 'ok' : `FAILED (exit ${job.status})`} in ${timing(job)}`);
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

// durations for the next run's order (a failed or skipped job keeps its old one; jobs that no longer exist are dropped)
for (const title of unitOnly ? [] : Object.keys(times)) {
  // (a --unit run has only some of the jobs: it drops nothing)
  if (title !== 'tests (sum)' && !jobs.some((j) => j.title === title)) {
    delete times[title];
  }
}
const testsRun = jobs.filter((j) => j.title.startsWith('tests: ') && j.state === 'passed');
for (const job of jobs.filter((j) => j.state === 'passed')) {
  times[job.title] = Math.round(job.ms / 100) / 10;
}
if (testsRun.length > 0 && !unitOnly) {
  times['tests (sum)'] = Math.round(testsRun.reduce((n, j) => n + j.ms, 0) / 1000);
}
writeFileSync(timesFile, `${JSON.stringify(times, null, 2)}\n`);
// a cache made without a key (a cold run) gets the key of the types it was made with
if (!eslintWarm && jobs.find((j) => j.title === TYPE_CHECK)?.state === 'passed') {
  writeFileSync(eslintKey, eslintCacheKey());
}

console.log('');
let tests = 0;
let passed = 0;
for (const job of jobs) {
  const state = job.state === 'passed' ? 'ok' : job.state === 'skipped' ? 'not run (a job it needs failed)' : `FAILED (exit ${job.status})`;
  console.log(`== ${job.title}: ${state}${job.ms !== undefined ? ` in ${timing(job)}` : ''}`);
  tests += Number(/^ℹ tests (\d+)$/m.exec(job.output ?? '')?.[1] ?? 0);
  passed += Number(/^ℹ pass (\d+)$/m.exec(job.output ?? '')?.[1] ?? 0);
}
const cpu = childrenCpuSeconds();
console.log(
  `== ${tests} tests, ${passed} passed; npm test: ${seconds(Date.now() - started)} in all, ${slots} jobs at a time` +
    (cpu === undefined ? '' : `, ${cpu.toFixed(1)} CPU-seconds (user + sys of every job and the processes they started)`),
);
const failed = jobs.filter((j) => j.state !== 'passed');
if (failed.length > 0) {
  console.error(`\n${failed.map((j) => j.title).join(', ')}: failed or not run.`);
  process.exit(1);
}
