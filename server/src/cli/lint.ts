/**
 * Linting one file for iam-policy-lint: reads it (regular files only, under the size cap, byte
 * for byte), finds its policies, diagnoses them, applies the safe fixes to a fixed point when
 * asked, and adds Access Analyzer findings. Problems with the input come back as messages; they
 * never stop the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AccessAnalyzerService } from '../accessAnalyzer/service';
import type { IamCatalog } from '../catalog/catalog';
import type { EmbeddedExtractor } from '../policy/policyFile';
import { fixUntilStable } from '../features/codeActions/fixUntilStable';
import { getDiagnostics } from '../features/diagnostics/diagnostics';
import { ignoredRules } from '../features/diagnostics/ignore';
import { findProjectConfig } from '../node/projectConfig';
import { t as tr, type MessageId } from '../i18n';
import { ruleDocsUrl } from '../node/files';
import { analyzeFile, type PolicyFile } from '../policy/policyFile';
import { fileReferenceDiagnostics } from '../features/diagnostics/fileReferences';
import { createReadRelative, inside } from '../node/relativeFiles';
import { explicitPolicyType } from '../policy/policyType';
import { ALL_RULES } from '../rules';
import { checkProjectConfig } from '../shared/configCheck';
import { DEFAULT_SETTINGS, mergeProjectConfig, sanitizeSettings, type Settings } from '../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../util/glob';
import type { Options } from './args';
import type { Target } from './files';
import { languageOf } from './files';
import { relativeTo, resolveIn, type CliIo } from './io';
import type { Linted } from './output';
import { decodeBytes, encodeText } from './utf8';

export interface LintEnvironment {
  options: Options;
  /** the run's working directory (relative paths) and stdin */
  io: Pick<CliIo, 'cwd' | 'readStdin'>;
  catalog: IamCatalog;
  embedded: EmbeddedExtractor;
  service?: AccessAnalyzerService;
  /** one message per broken configuration file, however many files it covers */
  configProblems: Map<string, string[]>;
}

/** A file's report (absent when it was not checked) and an input error about it, if any. */
export interface LintOutcome {
  linted?: Linted;
  error?: string;
}

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

/** The file's name as the report shows it: relative to the run's working directory, forward slashes. */
export function displayName(target: Target, options: Options, io: Pick<CliIo, 'cwd'>): string {
  return target.path === '-' ? options.stdinFilename : relativeTo(io, target.path) || target.path;
}

function kindOf(stat: fs.Stats): string {
  const id: MessageId = stat.isFIFO()
    ? 'cli.kind.fifo'
    : stat.isCharacterDevice()
      ? 'cli.kind.charDevice'
      : stat.isBlockDevice()
        ? 'cli.kind.blockDevice'
        : stat.isSocket()
          ? 'cli.kind.socket'
          : stat.isDirectory()
            ? 'cli.kind.directory'
            : 'cli.kind.other';
  return tr(id);
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** The bytes of a target, or why they were not read. */
function readTarget(target: Target, env: LintEnvironment): { bytes: Buffer } | { error: string } {
  const { options, io } = env;
  if (target.path === '-') {
    return { bytes: io.readStdin() };
  }
  const file = resolveIn(io, target.path);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { error: tr('cli.cannotRead', { error: (err as NodeJS.ErrnoException).code ?? String(err) }) };
  }
  if (!stat.isFile()) {
    // reading a FIFO with no writer blocks forever; a device may never end
    return { error: tr('cli.skippedNotRegular', { kind: kindOf(stat) }) };
  }
  if (stat.size > options.maxBytes) {
    return { error: tr('cli.skippedTooLarge', { size: megabytes(stat.size), limit: megabytes(options.maxBytes) }) };
  }
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (err) {
    return { error: tr('cli.cannotRead', { error: (err as NodeJS.ErrnoException).code ?? String(err) }) };
  }
}

function settingsFor(file: string, env: LintEnvironment): Settings {
  const { options, io } = env;
  const config: { file?: string; value: unknown; error?: string } = options.config
    ? { file: options.config, ...readConfigFile(resolveIn(io, options.config)) }
    : findProjectConfig(file === '-' ? path.join(io.cwd, options.stdinFilename) : resolveIn(io, file));
  const where = config.file;
  if (where && !env.configProblems.has(where)) {
    const problems = config.error
      ? [config.error]
      : checkProjectConfig(config.value, RULE_IDS).map((p) => (p.path.length ? `${p.path.join('.')}: ${p.message}` : p.message));
    env.configProblems.set(where, problems);
  }
  let settings = mergeProjectConfig(config.value, sanitizeSettings({}));
  if (options.policyType) {
    settings = { ...settings, policyType: options.policyType };
  }
  return settings;
}

function readConfigFile(file: string): { value: unknown; error?: string } {
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (err) {
    return { value: {}, error: err instanceof Error ? err.message : String(err) };
  }
}

/** An empty (or whitespace-only) policy file is a finding: an empty policy is not a clean one. */
function emptyPolicyDiagnostic(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'empty-policy',
    source: 'iam-policy-lint',
    message: tr('cli.emptyPolicy'),
  };
}

export async function lintTarget(target: Target, env: LintEnvironment): Promise<LintOutcome> {
  const { options, catalog, embedded, service } = env;
  const read = readTarget(target, env);
  if ('error' in read) {
    return read;
  }
  const { text: original, exact } = decodeBytes(read.bytes);
  let text = original;
  const settings = settingsFor(target.path, env);
  const name = target.path === '-' ? options.stdinFilename : target.path;
  const languageId = languageOf(name) ?? 'json';
  const uri = target.path === '-' ? `untitled:${options.stdinFilename}` : pathToFileURL(resolveIn(env.io, target.path)).href;
  const glob = (g: string) => matchesGlob(uri, g);
  const analyze = (t: string) =>
    analyzeFile(t, {
      languageId,
      matchesPolicyGlob: matchesAnyGlob(uri, settings.files),
      explicitType: explicitPolicyType(settings, glob),
      embedded,
    });
  const diagnose = (t: string, f: PolicyFile) =>
    getDiagnostics(f, catalog, TextDocument.create(uri, languageId, 1, t), {
      severities: settings.rules,
      ignored: ignoredRules(uri, settings.ignore),
      docsUrl: ruleDocsUrl,
    });
  let file = analyze(text);
  if (!file.isPolicy) {
    return target.explicit && !options.skipNonPolicies ? { error: tr('cli.notPolicy') } : {};
  }
  let diagnostics = diagnose(text, file);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    diagnostics = [emptyPolicyDiagnostic(), ...diagnostics];
  }
  let fixed = 0;
  if (options.fix && target.path !== '-') {
    const result = fixUntilStable(
      text,
      {
        analyze,
        diagnose,
        context: (t, f) => ({
          catalog,
          document: TextDocument.create(uri, languageId, 1, t),
          file: f,
          ...(languageId === 'jsonc' ? { commentPrefix: '//' } : {}),
        }),
      },
      { file, diagnostics },
    );
    if (result.fixed > 0 && result.text !== original) {
      if (!exact && escapedBytes(result.text) !== escapedBytes(original)) {
        // a fix rewrote a value holding bytes that are not UTF-8 (it would write them as \udcXX
        // escapes, a different value): leave the file as it is
        return { linted: linted(target, env, file, diagnostics, 0), error: tr('cli.notFixedEncoding') };
      }
      fs.writeFileSync(resolveIn(env.io, target.path), exact ? Buffer.from(result.text, 'utf8') : encodeText(result.text));
      ({ text, file, diagnostics, fixed } = result);
    }
  }
  if (file.fileReferences && target.path !== '-') {
    // policies in files the code references (Terraform file()/templatefile()), read inside the
    // directory tree being linted (the working directory, or the file's own directory outside it)
    const absolute = resolveIn(env.io, target.path);
    const cwd = env.io.cwd;
    const readRelative = createReadRelative({ roots: () => [inside(cwd, absolute) ? cwd : path.dirname(absolute)] });
    diagnostics = [
      ...diagnostics,
      ...fileReferenceDiagnostics(file, catalog, TextDocument.create(uri, languageId, 1, text), readRelative, {
        severities: settings.rules,
        ignored: ignoredRules(uri, settings.ignore),
        docsUrl: ruleDocsUrl,
      }),
    ];
  }
  let error: string | undefined;
  if (service) {
    const document = TextDocument.create(uri, languageId, 1, text);
    const status = await service.validate({
      document,
      file,
      settings: {
        ...DEFAULT_SETTINGS.accessAnalyzer,
        ...settings.accessAnalyzer,
        enable: true,
        region: options.region ?? '',
        profile: options.profile ?? '',
        endpoint: options.endpoint ?? '',
      },
    });
    if (status.state === 'findings' || status.state === 'ok') {
      diagnostics = [...diagnostics, ...service.diagnostics(uri, text)];
    } else {
      error = tr('cli.accessAnalyzer', { message: status.message ?? status.state });
    }
  }
  return {
    linted: linted(target, env, file, withoutCascades(file, text, uri, languageId, diagnostics), fixed),
    ...(error ? { error } : {}),
  };
}

/**
 * A policy whose text does not parse is reported by its syntax errors only: the findings of the
 * other rules on a tree the parser had to guess (a statement "without Action" because a YAML
 * line was misindented) would send a CI user after problems that are not there. In YAML the
 * syntax errors say so (the rule's own message speaks of JSON).
 */
function withoutCascades(file: PolicyFile, text: string, uri: string, languageId: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const broken = file.policies.filter((p) => p.policy.tree.errors.length > 0);
  if (broken.length === 0) {
    return diagnostics;
  }
  const document = TextDocument.create(uri, languageId, 1, text);
  const inBroken = (d: Diagnostic) => {
    const offset = document.offsetAt(d.range.start);
    return broken.some((p) => offset >= p.offset && offset <= p.offset + p.length);
  };
  return diagnostics
    .filter((d) => d.code === 'json-syntax' || d.code === 'empty-policy' || !inBroken(d))
    .map((d) =>
      d.code === 'json-syntax' && languageId === 'yaml'
        ? {
            ...d,
            message: String(d.message)
              .replace(/^Invalid JSON: /, 'Invalid YAML: ')
              .replace(/^無効な JSON です: /, '無効な YAML です: '),
          }
        : d,
    );
}

function linted(target: Target, env: LintEnvironment, file: PolicyFile, diagnostics: Diagnostic[], fixed: number): Linted {
  return {
    display: displayName(target, env.options, env.io),
    policies: file.policies.map((p) => ({ path: p.basePath.join('.'), policyType: p.policy.policyType })),
    diagnostics: diagnostics.map(({ data: _data, ...d }) => d),
    fixed,
  };
}

/** The bytes decodeBytes escaped, in order (they must survive a fix unchanged). */
function escapedBytes(text: string): string {
  return (text.match(/(?<![\ud800-\udbff])[\udc80-\udcff]/g) ?? []).join('');
}
