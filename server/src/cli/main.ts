/**
 * iam-policy-lint: the editor's checks on the command line, for CI. Lints policy files,
 * CloudFormation/SAM templates and Terraform, prints compiler-style text, JSON or SARIF, and
 * exits 0 (nothing at or above the threshold), 1 (findings) or 2 (usage or input errors).
 * The parts: args.ts (options), files.ts (which files), lint.ts (one file), output.ts (the report);
 * io.ts is what a run reads and writes: `main(argv, io)` runs once with it, and `run` (the process
 * entry, bin/iam-policy-lint) binds it to the process and sets the exit code.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { IamCatalog } from '../catalog/catalog';
import { createEmbeddedExtractor } from '../embedded';
import { packageVersion } from '../node/files';
import { clearProjectConfigCache } from '../node/projectConfig';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { loadAccessAnalyzerApiFactory } from '../node/accessAnalyzerSdk';
import { AccessAnalyzerService } from '../accessAnalyzer/service';
import { getLocale, localeFromEnv, normalizeLocale, setLocale, t as tr, type Locale } from '../i18n';
import { parseArguments, UsageError, usage, type Options } from './args';
import { escapeControl } from './escape';
import { collectTargets } from './files';
import { displayName, lintTarget, type LintEnvironment } from './lint';
import { paint, render, type Linted } from './output';
import { ACCESS_COMMANDS, runAccessCommand } from './accessCommands';
import { loadRunCatalog } from './catalog';
import { processIo, resolveIn, type CliIo } from './io';

export { parseArguments } from './args';
export type { CliIo, CliWriter } from './io';

/**
 * Runs iam-policy-lint once: the output goes to io's streams, relative paths are read from and
 * shown relative to io.cwd, the locale comes from io.env (or --locale). Resolves to the exit
 * status; an internal error is a message on io.stderr and status 2, never a rejection. Several
 * runs may follow one another in one process: each starts from what it is given (the project
 * configuration is re-read, the locale set and restored afterwards).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const locale = getLocale();
  clearProjectConfigCache();
  try {
    return await runCommand(argv, io);
  } catch (err) {
    io.stderr.write(`iam-policy-lint: internal error: ${escapeControl(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    return 2;
  } finally {
    setLocale(locale);
  }
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  setLocale(localeFromEnv(io.env));
  if (ACCESS_COMMANDS.has(argv[0])) {
    // the access commands speak the same language as the linter: --locale, else the environment
    const rest: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const m = /^--locale(?:=(.*))?$/.exec(argv[i]);
      const value = m ? (m[1] ?? argv[++i]) : undefined;
      if (!m) {
        rest.push(argv[i]);
      } else if (normalizeLocale(value)) {
        setLocale(normalizeLocale(value)!);
      } else {
        io.stderr.write(`iam-policy-lint: ${tr('cli.badLocale', { value: value ?? '' })}\n`);
        return 2;
      }
    }
    return runAccessCommand(argv[0], rest, io);
  }
  let options: Options;
  try {
    const parsed = parseArguments(argv, io);
    if (parsed === 'help') {
      io.stdout.write(usage());
      return 0;
    }
    if (parsed === 'version') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    options = parsed;
    if (options.locale) {
      setLocale(normalizeLocale(options.locale) ?? 'en');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`iam-policy-lint: ${escapeControl(err.message)}\n${tr('cli.seeHelp')}\n`);
      return 2;
    }
    throw err;
  }
  const inputErrors: string[] = [];
  const targets = collectTargets(options.operands, inputErrors, io);
  const jobs = jobsFor(options, targets);
  let outcome: WorkOutcome;
  if (jobs > 1) {
    outcome = await lintInWorkers(targets, options, jobs, io);
  } else {
    outcome = await lintTargets(targets, options, io, !!io.stderr.isTTY && targets.length > 500);
  }
  if (outcome.catalogError) {
    io.stderr.write(`iam-policy-lint: ${tr('cli.noCatalog', { error: escapeControl(outcome.catalogError) })}\n`);
    return 2;
  }
  const { results } = outcome;
  inputErrors.push(...outcome.inputErrors);

  const report = render(results, options, paint(options.color), inputErrors.length);
  if (options.output) {
    fs.writeFileSync(resolveIn(io, options.output), report);
  } else {
    io.stdout.write(report);
  }
  for (const e of inputErrors) {
    io.stderr.write(`iam-policy-lint: ${escapeControl(e)}\n`);
  }
  if (inputErrors.length > 0) {
    return 2;
  }
  if (io.env.IAM_POLICY_LINT_STATS) {
    // for npm run bench: files, policies, peak memory and CPU time (all threads) of the process
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    io.stderr.write(
      `${JSON.stringify({ files: results.length, policies: results.reduce((n, r) => n + r.policies.length, 0), maxRssKb: usage.maxRSS, cpuMs })}\n`,
    );
  }
  const failing = results.some((r) => r.diagnostics.some((d) => (d.severity ?? 2) <= options.severity));
  return failing ? 1 : 0;
}

/** What linting a list of targets gives, in target order (also the message a worker posts back). */
interface WorkOutcome {
  results: Linted[];
  inputErrors: string[];
  /** the input errors that are about a configuration file (reported once, whichever workers met it) */
  configErrors: string[];
  catalogError?: string;
}

type Target = ReturnType<typeof collectTargets>[number];

/** Worker threads for this run: one unless asked, or auto with enough files to pay for the start-up. */
function jobsFor(options: Options, targets: Target[]): number {
  if (options.accessAnalyzer || options.fix || targets.some((t) => t.path === '-')) {
    return 1; // one Access Analyzer client and its rate limit; stdin is read once; fixes write files in order
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = options.jobs === 0 ? (targets.length >= 200 ? cores : 1) : options.jobs;
  // at least 50 files per worker, else the start-up (the catalog load) costs more than it saves
  return Math.max(1, Math.min(wanted, Math.floor(targets.length / 50)));
}

/** What a worker thread is given: its slice, and the run's options, working directory and locale. */
interface WorkerData {
  iamPolicyLintWorker: true;
  options: Options;
  targets: Target[];
  cwd: string;
  locale: Locale;
}

/** Lints the targets in `jobs` worker threads (contiguous slices, so the report keeps the target order). */
async function lintInWorkers(targets: Target[], options: Options, jobs: number, io: CliIo): Promise<WorkOutcome> {
  const size = Math.ceil(targets.length / jobs);
  const slices = Array.from({ length: jobs }, (_, i) => targets.slice(i * size, (i + 1) * size)).filter((slice) => slice.length > 0);
  // the workers' process.env is the run's environment (catalog paths)
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => e[1] !== undefined));
  const outcomes = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<WorkOutcome>((resolve, reject) => {
          const data: WorkerData = { iamPolicyLintWorker: true, options, targets: slice, cwd: io.cwd, locale: getLocale() };
          const worker = new Worker(__filename, { workerData: data, env });
          worker.once('message', (outcome: WorkOutcome) => resolve(outcome));
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`lint worker exited with ${code}`)));
        }),
    ),
  );
  const merged: WorkOutcome = { results: [], inputErrors: [], configErrors: [] };
  for (const o of outcomes) {
    merged.results.push(...o.results);
    for (const e of o.inputErrors) {
      // a broken configuration file is reported once, whichever workers met it
      if (!o.configErrors.includes(e) || !merged.inputErrors.includes(e)) {
        merged.inputErrors.push(e);
      }
    }
    merged.catalogError ??= o.catalogError;
  }
  return merged;
}

/** Lints targets one after the other in this thread. */
async function lintTargets(
  targets: Target[],
  options: Options,
  io: Pick<CliIo, 'cwd' | 'env' | 'readStdin' | 'stderr'>,
  progress: boolean,
): Promise<WorkOutcome> {
  const inputErrors: string[] = [];
  if (targets.some((t) => /\.(tf|tofu)$/.test(t.path))) {
    await loadTerraformParser((err) => inputErrors.push(tr('cli.noTerraform', { error: String(err) })));
  }
  let catalog: IamCatalog;
  try {
    catalog = loadRunCatalog(io);
  } catch (err) {
    return { results: [], inputErrors, configErrors: [], catalogError: String(err) };
  }
  const env: LintEnvironment = {
    options,
    io,
    catalog,
    embedded: createEmbeddedExtractor({ terraform: terraformParser }),
    configProblems: new Map(),
  };
  if (options.accessAnalyzer) {
    env.service = new AccessAnalyzerService({
      createApi: (config) => loadAccessAnalyzerApiFactory()(config),
      isTrusted: () => true,
      displayLanguage: () => (getLocale() === 'en' ? undefined : getLocale()),
      onStatus: () => undefined,
      onDiagnostics: () => undefined,
      log: () => undefined,
    });
  }
  const results: Linted[] = [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (progress && i % 250 === 0) {
      io.stderr.write(`\r${tr('cli.progress', { done: i, total: targets.length })}`);
    }
    try {
      const outcome = await lintTarget(target, env);
      if (outcome.linted) {
        results.push(outcome.linted);
      }
      if (outcome.error) {
        inputErrors.push(`${displayName(target, options, io)}: ${outcome.error}`);
      }
    } catch (err) {
      inputErrors.push(
        `${displayName(target, options, io)}: ${tr('cli.internalError', { error: err instanceof Error ? err.message : String(err) })}`,
      );
    }
  }
  env.service?.dispose();
  if (progress) {
    io.stderr.write(`\r${' '.repeat(40)}\r`);
  }
  const configErrors: string[] = [];
  for (const [file, problems] of env.configProblems) {
    for (const problem of problems) {
      configErrors.push(tr('cli.invalidConfig', { error: `${file}: ${problem}` }));
    }
  }
  inputErrors.push(...configErrors);
  return { results, inputErrors, configErrors };
}

/** A worker thread's side: lint its slice and post the outcome. */
async function runWorker(data: WorkerData): Promise<void> {
  // the locale is per thread: the same as the run's
  setLocale(data.locale);
  parentPort?.postMessage(await lintTargets(data.targets, data.options, { ...processIo(), cwd: data.cwd }, false));
}

/** A reader that went away (`iam-policy-lint ... | head -1`) ends the run quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    }
    throw err;
  });
}

/** The process entry (bin/iam-policy-lint calls this): one run on the process's streams, directory and environment, and its exit code. */
export function run(argv: string[] = process.argv.slice(2)): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  void main(argv, processIo()).then((code) => {
    process.exitCode = code;
  });
}

if (!isMainThread && (workerData as Partial<WorkerData> | undefined)?.iamPolicyLintWorker) {
  void runWorker(workerData as WorkerData);
} else if (require.main === module) {
  run();
}
