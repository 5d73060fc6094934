/**
 * iam-policy-lint: the editor's checks on the command line, for CI. Lints policy files,
 * CloudFormation/SAM templates and Terraform, prints compiler-style text, JSON or SARIF, and
 * exits 0 (nothing at or above the threshold), 1 (findings) or 2 (usage or input errors).
 * The parts: args.ts (options), files.ts (which files), lint.ts (one file), output.ts (the report).
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { IamCatalog } from '../catalog/catalog';
import { createEmbeddedExtractor } from '../embedded';
import { loadCatalog } from '../node/loadCatalog';
import { packageVersion } from '../node/files';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { loadAccessAnalyzerApiFactory } from '../node/accessAnalyzerSdk';
import { AccessAnalyzerService } from '../accessAnalyzer/service';
import { getLocale, localeFromEnv, normalizeLocale, setLocale, t as tr } from '../i18n';
import { parseArguments, UsageError, usage, type Options } from './args';
import { escapeControl } from './escape';
import { collectTargets } from './files';
import { displayName, lintTarget, type LintEnvironment } from './lint';
import { paint, render, type Linted } from './output';
import { ACCESS_COMMANDS, runAccessCommand } from './accessCommands';

export { parseArguments } from './args';

export async function main(argv: string[]): Promise<number> {
  setLocale(localeFromEnv(process.env));
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
        process.stderr.write(`iam-policy-lint: ${tr('cli.badLocale', { value: value ?? '' })}\n`);
        return 2;
      }
    }
    return runAccessCommand(argv[0], rest);
  }
  let options: Options;
  try {
    const parsed = parseArguments(argv);
    if (parsed === 'help') {
      process.stdout.write(usage());
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    options = parsed;
    if (options.locale) {
      setLocale(normalizeLocale(options.locale) ?? 'en');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`iam-policy-lint: ${escapeControl(err.message)}\n${tr('cli.seeHelp')}\n`);
      return 2;
    }
    throw err;
  }
  const inputErrors: string[] = [];
  const targets = collectTargets(options.operands, inputErrors);
  const jobs = jobsFor(options, targets);
  let outcome: WorkOutcome;
  if (jobs > 1) {
    outcome = await lintInWorkers(targets, options, jobs);
  } else {
    outcome = await lintTargets(targets, options, process.stderr.isTTY && targets.length > 500);
  }
  if (outcome.catalogError) {
    process.stderr.write(`iam-policy-lint: ${tr('cli.noCatalog', { error: escapeControl(outcome.catalogError) })}\n`);
    return 2;
  }
  const { results } = outcome;
  inputErrors.push(...outcome.inputErrors);

  const report = render(results, options, paint(options.color), inputErrors.length);
  if (options.output) {
    fs.writeFileSync(options.output, report);
  } else {
    process.stdout.write(report);
  }
  for (const e of inputErrors) {
    process.stderr.write(`iam-policy-lint: ${escapeControl(e)}\n`);
  }
  if (inputErrors.length > 0) {
    return 2;
  }
  if (process.env.IAM_POLICY_LINT_STATS) {
    // for npm run bench: files, policies, peak memory and CPU time (all threads) of this run
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    process.stderr.write(
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

/** Lints the targets in `jobs` worker threads (contiguous slices, so the report keeps the target order). */
async function lintInWorkers(targets: Target[], options: Options, jobs: number): Promise<WorkOutcome> {
  const size = Math.ceil(targets.length / jobs);
  const slices = Array.from({ length: jobs }, (_, i) => targets.slice(i * size, (i + 1) * size)).filter((slice) => slice.length > 0);
  const outcomes = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<WorkOutcome>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: { iamPolicyLintWorker: true, options, targets: slice } });
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
async function lintTargets(targets: Target[], options: Options, progress: boolean): Promise<WorkOutcome> {
  const inputErrors: string[] = [];
  if (targets.some((t) => /\.(tf|tofu)$/.test(t.path))) {
    await loadTerraformParser((err) => inputErrors.push(tr('cli.noTerraform', { error: String(err) })));
  }
  let catalog: IamCatalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    return { results: [], inputErrors, configErrors: [], catalogError: String(err) };
  }
  const env: LintEnvironment = {
    options,
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
      process.stderr.write(`\r${tr('cli.progress', { done: i, total: targets.length })}`);
    }
    try {
      const outcome = await lintTarget(target, env);
      if (outcome.linted) {
        results.push(outcome.linted);
      }
      if (outcome.error) {
        inputErrors.push(`${displayName(target, options)}: ${outcome.error}`);
      }
    } catch (err) {
      inputErrors.push(
        `${displayName(target, options)}: ${tr('cli.internalError', { error: err instanceof Error ? err.message : String(err) })}`,
      );
    }
  }
  env.service?.dispose();
  if (progress) {
    process.stderr.write(`\r${' '.repeat(40)}\r`);
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
async function runWorker(data: { options: Options; targets: Target[] }): Promise<void> {
  // the locale is per thread: the same as the main thread's
  setLocale(data.options.locale ? (normalizeLocale(data.options.locale) ?? 'en') : localeFromEnv(process.env));
  parentPort?.postMessage(await lintTargets(data.targets, data.options, false));
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

/** Runs the CLI and sets the exit code (bin/iam-policy-lint calls this). */
export function run(argv: string[] = process.argv.slice(2)): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `iam-policy-lint: internal error: ${escapeControl(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
      );
      process.exitCode = 2;
    },
  );
}

if (!isMainThread && (workerData as { iamPolicyLintWorker?: boolean } | undefined)?.iamPolicyLintWorker) {
  void runWorker(workerData as { options: Options; targets: Target[] });
} else if (require.main === module) {
  run();
}
