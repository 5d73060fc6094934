/**
 * iam-policy-lint: the editor's checks on the command line, for CI. Lints policy files,
 * CloudFormation/SAM templates and Terraform, prints compiler-style text, JSON or SARIF, and
 * exits 0 (nothing at or above the threshold), 1 (findings) or 2 (usage or input errors).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IamCatalog } from '../catalog/catalog';
import { createEmbeddedExtractor } from '../embedded';
import { EditSession } from '../features/codeActions/context';
import { fixAllProposal } from '../features/codeActions/codeActions';
import { applyOffsetEdits, unsnippet } from '../features/codeActions/textEdits';
import { getDiagnostics } from '../features/diagnostics/diagnostics';
import { ignoredRules } from '../features/diagnostics/ignore';
import { loadCatalog } from '../node/loadCatalog';
import { packageVersion } from '../node/files';
import { findProjectConfig } from '../node/projectConfig';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { loadAccessAnalyzerApiFactory } from '../node/accessAnalyzerSdk';
import { AccessAnalyzerService } from '../accessAnalyzer/service';
import { analyzeFile, type PolicyFile } from '../policy/policyFile';
import { explicitPolicyType } from '../policy/policyType';
import { POLICY_TYPES, type PolicyType } from '../policy/model';
import { DEFAULT_SETTINGS, mergeProjectConfig, sanitizeSettings, type Settings } from '../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../util/glob';
import { collectTargets, languageOf } from './files';
import { toSarif, type FileResult } from './sarif';
import { getLocale, localeFromEnv, normalizeLocale, setLocale, t as tr } from '../i18n';

function usage(): string {
  return tr('cli.usage', { version: packageVersion() });
}

const SEVERITY_RANK: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

interface Options {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  severity: number;
  policyType?: PolicyType;
  config?: string;
  fix: boolean;
  accessAnalyzer: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  stdinFilename: string;
  color: boolean;
  locale?: string;
  operands: string[];
}

class UsageError extends Error {}

export function parseArguments(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', severity: 2, fix: false, accessAnalyzer: false, stdinFilename: 'stdin.json', color: !!process.stdout.isTTY && !process.env.NO_COLOR, operands: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new UsageError(tr('cli.needsValue', { flag }));
      }
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') {
          throw new UsageError(tr('cli.badFormat', { value: v }));
        }
        o.format = v;
        break;
      }
      case '-o':
      case '--output':
        o.output = value();
        break;
      case '--severity': {
        const v = value();
        if (!SEVERITY_RANK[v]) {
          throw new UsageError(tr('cli.badSeverity', { value: v }));
        }
        o.severity = SEVERITY_RANK[v];
        break;
      }
      case '--policy-type': {
        const v = value();
        if (!(POLICY_TYPES as readonly string[]).includes(v)) {
          throw new UsageError(tr('cli.badPolicyType', { types: POLICY_TYPES.join(', '), value: v }));
        }
        o.policyType = v as PolicyType;
        break;
      }
      case '--config':
        o.config = value();
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--access-analyzer':
        o.accessAnalyzer = true;
        break;
      case '--region':
        o.region = value();
        break;
      case '--profile':
        o.profile = value();
        break;
      case '--endpoint':
        o.endpoint = value();
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
      case '--no-color':
        o.color = false;
        break;
      case '--locale': {
        const v = value();
        if (!normalizeLocale(v)) {
          throw new UsageError(tr('cli.badLocale', { value: v }));
        }
        o.locale = v;
        break;
      }
      case '--color':
        o.color = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') {
          throw new UsageError(tr('cli.unknownOption', { option: a }));
        }
        o.operands.push(a);
    }
  }
  if (o.operands.length === 0) {
    throw new UsageError(tr('cli.noFiles'));
  }
  return o;
}

/** What the report needs of a file: kept small, since a run may cover tens of thousands. */
interface Linted {
  display: string;
  policies: { path: string; policyType: string }[];
  diagnostics: Diagnostic[];
  fixed: number;
}

function settingsFor(file: string, options: Options): { settings: Settings; configError?: string } {
  const config = options.config ? readConfig(options.config) : findProjectConfig(file === '-' ? path.join(process.cwd(), options.stdinFilename) : file);
  let settings = mergeProjectConfig(config.value, sanitizeSettings({}));
  if (options.policyType) {
    settings = { ...settings, policyType: options.policyType };
  }
  return { settings, ...(config.error ? { configError: config.error } : {}) };
}

function readConfig(file: string): { value: unknown; error?: string } {
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (err) {
    return { value: {}, error: `${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const paint = (on: boolean) => (code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  setLocale(localeFromEnv(process.env));
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
      process.stderr.write(`iam-policy-lint: ${err.message}\n${tr('cli.seeHelp')}\n`);
      return 2;
    }
    throw err;
  }
  const color = paint(options.color);
  const inputErrors: string[] = [];
  const missing: string[] = [];
  const targets = collectTargets(options.operands, missing);
  for (const m of missing) {
    inputErrors.push(`${m}: ${tr('cli.noSuchFile')}`);
  }
  if (targets.some((t) => t.path.endsWith('.tf'))) {
    await loadTerraformParser((err) => inputErrors.push(tr('cli.noTerraform', { error: String(err) })));
  }
  let catalog: IamCatalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    process.stderr.write(`iam-policy-lint: ${tr('cli.noCatalog', { error: String(err) })}\n`);
    return 2;
  }
  const embedded = createEmbeddedExtractor({ terraform: terraformParser });
  const results: Linted[] = [];
  const progress = process.stderr.isTTY && targets.length > 500;
  const configErrors = new Set<string>();
  let service: AccessAnalyzerService | undefined;
  if (options.accessAnalyzer) {
    service = new AccessAnalyzerService({
      createApi: (config) => loadAccessAnalyzerApiFactory()(config),
      isTrusted: () => true,
      displayLanguage: () => (getLocale() === 'en' ? undefined : getLocale()),
      onStatus: () => undefined,
      onDiagnostics: () => undefined,
      log: () => undefined,
    });
  }
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (progress && i % 250 === 0) {
      process.stderr.write(`\rlinting ${i}/${targets.length} files...`);
    }
    const display = target.path === '-' ? options.stdinFilename : path.relative(process.cwd(), target.path).split(path.sep).join('/') || target.path;
    let text: string;
    try {
      text = target.path === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(target.path, 'utf8');
    } catch (err) {
      inputErrors.push(`${display}: ${tr('cli.cannotRead', { error: (err as NodeJS.ErrnoException).code ?? String(err) })}`);
      continue;
    }
    try {
      const { settings, configError } = settingsFor(target.path, options);
      if (configError) {
        configErrors.add(configError);
      }
      const languageId = languageOf(target.path === '-' ? options.stdinFilename : target.path) ?? 'json';
      const uri = target.path === '-' ? `untitled:${options.stdinFilename}` : pathToFileURL(path.resolve(target.path)).href;
      const glob = (g: string) => matchesGlob(uri, g);
      const analyze = (t: string) =>
        analyzeFile(t, { languageId, matchesPolicyGlob: matchesAnyGlob(uri, settings.files), explicitType: explicitPolicyType(settings, glob), embedded });
      let file = analyze(text);
      if (!file.isPolicy) {
        if (target.explicit) {
          inputErrors.push(`${display}: ${tr('cli.notPolicy')}`);
        }
        continue;
      }
      const diagnosticsOf = (t: string, f: PolicyFile) =>
        getDiagnostics(f, catalog, TextDocument.create(uri, languageId, 1, t), { severities: settings.rules, ignored: ignoredRules(uri, settings.ignore), docsUrl: docsLink });
      let diagnostics = diagnosticsOf(text, file);
      let fixed = 0;
      if (options.fix && target.path !== '-') {
        for (let round = 0; round < 5; round++) {
          const document = TextDocument.create(uri, languageId, 1, text);
          const proposal = fixAllProposal(new EditSession({ catalog, document, file, ...(languageId === 'jsonc' ? { commentPrefix: '//' } : {}) }), diagnostics);
          if (!proposal?.edits?.length) {
            break;
          }
          text = applyOffsetEdits(text, proposal.edits.map((e) => ({ ...e, text: e.snippet ? unsnippet(e.text) : e.text, snippet: false })));
          fixed += proposal.edits.length;
          file = analyze(text);
          diagnostics = diagnosticsOf(text, file);
        }
        if (fixed > 0) {
          fs.writeFileSync(target.path, text);
        }
      }
      if (service) {
        const document = TextDocument.create(uri, languageId, 1, text);
        const status = await service.validate({ document, file, settings: { ...DEFAULT_SETTINGS.accessAnalyzer, ...settings.accessAnalyzer, enable: true, region: options.region ?? '', profile: options.profile ?? '', endpoint: options.endpoint ?? '' } });
        if (status.state === 'findings' || status.state === 'ok') {
          diagnostics = [...diagnostics, ...service.diagnostics(uri, text)];
        } else {
          inputErrors.push(`${display}: Access Analyzer: ${status.message ?? status.state}`);
        }
      }
      results.push({ display, policies: file.policies.map((p) => ({ path: p.basePath.join('.'), policyType: p.policy.policyType })), diagnostics: diagnostics.map(({ data: _data, ...d }) => d), fixed });
    } catch (err) {
      inputErrors.push(`${display}: ${tr('cli.internalError', { error: err instanceof Error ? err.message : String(err) })}`);
    }
  }
  service?.dispose();
  if (progress) {
    process.stderr.write(`\r${' '.repeat(40)}\r`);
  }
  for (const e of configErrors) {
    inputErrors.push(tr('cli.invalidConfig', { error: e }));
  }

  const report = render(results, options, color);
  if (options.output) {
    fs.writeFileSync(options.output, report);
  } else {
    process.stdout.write(report);
  }
  for (const e of inputErrors) {
    process.stderr.write(`iam-policy-lint: ${e}\n`);
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

function docsLink(ruleId: string): string {
  return `https://github.com/iam-policy-language/iam-policy-language/blob/main/server/src/rules/${ruleId}/README${getLocale() === 'en' ? '' : `.${getLocale()}`}.md`;
}

function render(results: Linted[], options: Options, color: (code: string, text: string) => string): string {
  if (options.format === 'sarif') {
    const files: FileResult[] = results.map((r) => ({ path: r.display, diagnostics: r.diagnostics }));
    return `${JSON.stringify(toSarif(files, packageVersion(), (id) => docsLink(id).replace(/README\.\w+\.md$/, 'README.md')), null, 2)}\n`;
  }
  if (options.format === 'json') {
    return `${JSON.stringify(
      results.map((r) => ({
        file: r.display,
        policies: r.policies,
        ...(r.fixed ? { fixed: r.fixed } : {}),
        diagnostics: r.diagnostics.map((d) => ({
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: SEVERITY_NAME[d.severity ?? 2],
          ruleId: String(d.code),
          message: d.message,
          source: d.source,
          ...(d.codeDescription ? { docs: d.codeDescription.href } : {}),
        })),
      })),
      null,
      2,
    )}\n`;
  }
  const lines: string[] = [];
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<number, number>;
  const colorOf: Record<number, string> = { 1: '31', 2: '33', 3: '36', 4: '90' };
  let filesWithProblems = 0;
  for (const r of results) {
    const sorted = [...r.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (sorted.length > 0) {
      filesWithProblems++;
    }
    for (const d of sorted) {
      const severity = d.severity ?? 2;
      counts[severity]++;
      lines.push(`${color('1', `${r.display}:${d.range.start.line + 1}:${d.range.start.character + 1}`)} ${color(colorOf[severity], tr(`severity.${SEVERITY_NAME[severity]}` as 'severity.error'))} ${color('2', String(d.code))} ${d.message}`);
    }
    if (r.fixed) {
      lines.push(`${color('1', r.display)}: ${color('32', tr('cli.fixed', { count: r.fixed }))}`);
    }
  }
  const total = counts[1] + counts[2] + counts[3] + counts[4];
  const policies = results.reduce((n, r) => n + r.policies.length, 0);
  if (total === 0) {
    lines.push(color('32', tr('cli.noProblems', { files: results.length, policies })));
  } else {
    const parts = [tr('cli.errors', { count: counts[1] }), tr('cli.warnings', { count: counts[2] })];
    if (counts[3] + counts[4] > 0) {
      parts.push(tr('cli.infos', { count: counts[3] + counts[4] }));
    }
    lines.push(color(counts[1] ? '31' : '33', tr('cli.problems', { total, parts: parts.join(tr('cli.listSeparator')), withProblems: filesWithProblems, files: results.length, policies })));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI and sets the exit code (bin/iam-policy-lint calls this). */
export function run(argv: string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`iam-policy-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) {
  run();
}
