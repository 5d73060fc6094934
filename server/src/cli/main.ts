/**
 * iam-policy-lint: the editor's checks on the command line, for CI. Lints policy files,
 * CloudFormation/SAM templates and Terraform, prints compiler-style text, JSON or SARIF, and
 * exits 0 (nothing at or above the threshold), 1 (findings) or 2 (usage or input errors).
 * The parts: args.ts (options), files.ts (which files), lint.ts (one file), output.ts (the report).
 */
import fs from 'node:fs';
import type { IamCatalog } from '../catalog/catalog';
import { createEmbeddedExtractor } from '../embedded';
import { loadCatalog } from '../node/loadCatalog';
import { packageVersion } from '../node/files';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { loadAccessAnalyzerApiFactory } from '../node/accessAnalyzerSdk';
import { AccessAnalyzerService } from '../accessAnalyzer/service';
import { parseArguments, UsageError, USAGE, type Options } from './args';
import { escapeControl } from './escape';
import { collectTargets } from './files';
import { displayName, lintTarget, type LintEnvironment } from './lint';
import { paint, render, type Linted } from './output';

export { parseArguments } from './args';

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    const parsed = parseArguments(argv);
    if (parsed === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    options = parsed;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`iam-policy-lint: ${escapeControl(err.message)}\nRun iam-policy-lint --help for usage.\n`);
      return 2;
    }
    throw err;
  }
  const inputErrors: string[] = [];
  const targets = collectTargets(options.operands, inputErrors);
  if (targets.some((t) => t.path.endsWith('.tf'))) {
    await loadTerraformParser((err) => inputErrors.push(`Terraform support unavailable: ${String(err)}`));
  }
  let catalog: IamCatalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    process.stderr.write(`iam-policy-lint: could not load the IAM catalog: ${escapeControl(String(err))}\n`);
    return 2;
  }
  const env: LintEnvironment = { options, catalog, embedded: createEmbeddedExtractor({ terraform: terraformParser }), configProblems: new Map() };
  if (options.accessAnalyzer) {
    env.service = new AccessAnalyzerService({
      createApi: (config) => loadAccessAnalyzerApiFactory()(config),
      isTrusted: () => true,
      displayLanguage: () => undefined,
      onStatus: () => undefined,
      onDiagnostics: () => undefined,
      log: () => undefined,
    });
  }
  const results: Linted[] = [];
  const progress = process.stderr.isTTY && targets.length > 500;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (progress && i % 250 === 0) {
      process.stderr.write(`\rlinting ${i}/${targets.length} files...`);
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
      inputErrors.push(`${displayName(target, options)}: internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  env.service?.dispose();
  if (progress) {
    process.stderr.write(`\r${' '.repeat(40)}\r`);
  }
  for (const [file, problems] of env.configProblems) {
    for (const problem of problems) {
      inputErrors.push(`invalid configuration ${file}: ${problem}`);
    }
  }

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
    // for npm run bench: files, policies and peak memory of this run
    process.stderr.write(`${JSON.stringify({ files: results.length, policies: results.reduce((n, r) => n + r.policies.length, 0), maxRssKb: process.resourceUsage().maxRSS })}\n`);
  }
  const failing = results.some((r) => r.diagnostics.some((d) => (d.severity ?? 2) <= options.severity));
  return failing ? 1 : 0;
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
      process.stderr.write(`iam-policy-lint: internal error: ${escapeControl(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) {
  run();
}
