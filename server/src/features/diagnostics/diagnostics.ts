/**
 * Findings -> LSP diagnostics, in this one place: severity settings, suppressions, ranges from
 * model nodes, `code` = rule id with a link to its documentation, `source` = iam-policy, and the
 * data a quick-fix needs.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import type { EmbeddedPolicy, PolicyFile } from '../../policy/policyFile';
import { nodeAtPath, type JsonPath } from '../../syntax/jsonPath';
import type { JsonNode } from '../../syntax/parseJson';
import { runReferenceRules, runRules, runRulesAsync } from '../../rules/engine';
import type { Finding, Severity } from '../../rules/ruleApi';
import type { RuleSeveritySetting } from '../../shared/settings';
import { isSuppressed, parseSuppressions, type Suppressions } from './suppressions';
import type { StatementFindingsCache } from './statementCache';
import { ruleMessage, t } from '../../i18n';

export const DIAGNOSTIC_SOURCE = 'iam-policy';

export interface DiagnosticOptions {
  /** severity per rule id from settings ('off' disables) */
  severities?: Record<string, RuleSeveritySetting>;
  /** rule ids ignored for this file by settings ('*' = all) */
  ignored?: ReadonlySet<string>;
  now?: Date;
  /** documentation link of a rule */
  docsUrl?: (ruleId: string) => string | undefined;
  /** called for rules that threw (the server logs them) */
  onRuleFailure?: (ruleId: string, error: unknown) => void;
  /**
   * At most this many info and hint diagnostics per rule (the editor: a flood of hints costs
   * payload and hides the errors); the rest become one "and N more" diagnostic. Errors and
   * warnings are never capped. Unset: no cap (the CLI reports everything).
   */
  maxHintsPerRule?: number;
  /** per-statement findings of the previous checks of this document (the server keeps one per document) */
  cache?: StatementFindingsCache;
}

/** Per rule: info/hint diagnostics kept so far, and the ones left out (with where the first was). */
type HintCounts = Map<string, { kept: number; dropped: number; first?: Diagnostic }>;

/** One diagnostic per capped rule, at its first left-out finding, saying how many were left out. */
function capSummaries(counts: HintCounts, cap: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [ruleId, c] of counts) {
    if (c.dropped > 0 && c.first) {
      out.push({
        range: c.first.range,
        severity: c.first.severity,
        message: t('diag.moreFindings', { count: c.dropped, ruleId, cap }),
        source: DIAGNOSTIC_SOURCE,
        code: ruleId,
        ...(c.first.codeDescription ? { codeDescription: c.first.codeDescription } : {}),
      });
    }
  }
  return out;
}

/** What code actions find in Diagnostic.data. */
export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  security: boolean;
  /** path of the target from the document root */
  path: JsonPath;
  /** the rule's fix payload (rules/<id>/fix.ts, `Payload`) */
  fix?: unknown;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The severity a finding ends with: a configured severity is final (a finding its rule lowered,
 * for example because a condition constrains it, takes the configured severity too); without a
 * setting, the rule's severity for the finding.
 */
export function effectiveSeverity(finding: Finding, setting: RuleSeveritySetting | undefined): Severity | undefined {
  if (setting === 'off') {
    return undefined;
  }
  return setting ?? finding.severity;
}

/** Rules switched off by settings or the ignore list. */
function skipped(options: DiagnosticOptions): Set<string> {
  const skip = new Set<string>(options.ignored ?? []);
  for (const [id, setting] of Object.entries(options.severities ?? {})) {
    if (setting === 'off') {
      skip.add(id);
    }
  }
  return skip;
}

/** Findings of one embedded policy (or of the file's managed-policy references) -> diagnostics (severity settings, suppressions, ranges, data). */
function toDiagnostics(
  file: PolicyFile,
  embedded: { root: JsonNode | undefined; basePath: JsonPath },
  findings: Finding[],
  document: TextDocument,
  options: DiagnosticOptions,
  suppressions: Suppressions,
  seen: Set<string>,
  out: Diagnostic[],
  hints: HintCounts,
): void {
  const severities = options.severities ?? {};
  const cap = options.maxHintsPerRule;
  for (const finding of findings) {
    const severity = effectiveSeverity(finding, severities[finding.ruleId]);
    if (!severity) {
      continue;
    }
    const span = spanOf(finding, embedded.root, embedded.basePath, file.text);
    const start = document.positionAt(span.offset);
    if (isSuppressed(suppressions, finding.ruleId, start.line)) {
      continue;
    }
    const key = `${finding.ruleId}|${span.offset}|${span.length}|${finding.message}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const path = [...embedded.basePath, ...('path' in finding.at ? finding.at.path : [])];
    const data: DiagnosticData = { ruleId: finding.ruleId, messageId: finding.messageId, security: finding.security, path };
    if (finding.fix) {
      data.fix = finding.fix;
    }
    const diagnostic: Diagnostic = {
      range: { start, end: document.positionAt(span.offset + span.length) },
      severity: LSP_SEVERITY[severity],
      message: ruleMessage(finding),
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      data,
    };
    const href = options.docsUrl?.(finding.ruleId);
    if (href) {
      diagnostic.codeDescription = { href };
    }
    const tags: DiagnosticTag[] = [];
    if (finding.unnecessary) {
      tags.push(DiagnosticTag.Unnecessary);
    }
    if (finding.deprecated) {
      tags.push(DiagnosticTag.Deprecated);
    }
    if (tags.length) {
      diagnostic.tags = tags;
    }
    if (cap !== undefined && (severity === 'info' || severity === 'hint')) {
      const c = hints.get(finding.ruleId) ?? { kept: 0, dropped: 0 };
      hints.set(finding.ruleId, c);
      if (c.kept >= cap) {
        c.dropped++;
        c.first ??= diagnostic;
        continue;
      }
      c.kept++;
    }
    out.push(diagnostic);
  }
}

const treeOf = (embedded: EmbeddedPolicy) => ({ root: embedded.policy.tree.root, basePath: embedded.basePath });

/** Managed policies attached by ARN or name: the reference rules' findings, once per file. */
function referenceDiagnostics(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  options: DiagnosticOptions,
  run: { skip: Set<string>; now: Date },
  suppressions: Suppressions,
  seen: Set<string>,
  out: Diagnostic[],
  hints: HintCounts,
): void {
  if (!file.managedPolicies?.length) {
    return;
  }
  const { findings, failures } = runReferenceRules(file.managedPolicies, file.text, catalog, run);
  for (const f of failures) {
    options.onRuleFailure?.(f.ruleId, f.error);
    out.push(
      checkFailedDiagnostic(
        document,
        t('diag.ruleFailed', { ruleId: f.ruleId, error: errorText(f.error) }),
        file.managedPolicies[0].offset,
      ),
    );
  }
  toDiagnostics(file, { root: undefined, basePath: [] }, findings, document, options, suppressions, seen, out, hints);
}

/** Code of the diagnostic that says the check itself failed (not a rule: it cannot be turned off). */
export const CHECK_FAILED_CODE = 'check-failed';

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // one line, bounded: the message is shown in the editor's problem list
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line || 'unknown error';
}

/**
 * The visible error that replaces silence when analysis fails: a security linter that cannot
 * check a policy must not show it as clean. At the start of the document, or at `offset`.
 */
export function checkFailedDiagnostic(document: TextDocument, reason: unknown, offset = 0): Diagnostic {
  const start = document.positionAt(offset);
  // to the end of that line (an empty range at an empty line)
  const line = document
    .getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
  const end = { line: start.line, character: Math.max(start.character, line.length) };
  return {
    range: { start, end },
    severity: DiagnosticSeverity.Error,
    message: t('diag.checkFailed', { reason: errorText(reason) }),
    source: DIAGNOSTIC_SOURCE,
    code: CHECK_FAILED_CODE,
  };
}

/** Code of the warning that a document was only partly checked within the time budget. */
export const TOO_LARGE_CODE = 'too-large-to-check';

function tooLargeDiagnostic(document: TextDocument, embedded: EmbeddedPolicy, skippedRules: number, budgetMs: number): Diagnostic {
  const diagnostic = checkFailedDiagnostic(document, '', embedded.offset);
  return {
    ...diagnostic,
    severity: DiagnosticSeverity.Warning,
    code: TOO_LARGE_CODE,
    message: t('diag.tooLarge', { count: skippedRules, seconds: Math.round(budgetMs / 1000) }),
  };
}

/** The warning that a document was too large to read (parse and model) within its budget: no rule ran. */
export function tooLargeToReadDiagnostic(document: TextDocument, budgetMs: number): Diagnostic {
  return {
    ...checkFailedDiagnostic(document, ''),
    severity: DiagnosticSeverity.Warning,
    code: TOO_LARGE_CODE,
    message: t('diag.tooLargeToRead', { seconds: Math.max(1, Math.round(budgetMs / 1000)) }),
  };
}

function ruleFailed(document: TextDocument, embedded: EmbeddedPolicy, ruleId: string, error: unknown): Diagnostic {
  return checkFailedDiagnostic(document, t('diag.ruleFailed', { ruleId, error: errorText(error) }), embedded.offset);
}

export function getDiagnostics(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  options: DiagnosticOptions = {},
): Diagnostic[] {
  if (options.ignored?.has('*')) {
    return [];
  }
  if (file.failure !== undefined) {
    return [checkFailedDiagnostic(document, file.failure)];
  }
  if (file.tooLarge) {
    return [tooLargeToReadDiagnostic(document, file.tooLarge.budgetMs)];
  }
  const out: Diagnostic[] = [];
  const hints: HintCounts = new Map();
  try {
    const skip = skipped(options);
    const suppressions = parseSuppressions(file.text);
    const seen = new Set<string>();
    const now = options.now ?? new Date();
    for (const embedded of file.policies) {
      const { findings, failures } = options.cache
        ? options.cache.findings(embedded, file.text, catalog, { skip, now }, (f) =>
            spanOf(f, embedded.policy.tree.root, embedded.basePath, file.text),
          )
        : runRules(embedded.policy, catalog, { skip, now });
      for (const f of failures) {
        options.onRuleFailure?.(f.ruleId, f.error);
        out.push(ruleFailed(document, embedded, f.ruleId, f.error));
      }
      toDiagnostics(file, treeOf(embedded), findings, document, options, suppressions, seen, out, hints);
    }
    referenceDiagnostics(file, catalog, document, options, { skip, now }, suppressions, seen, out, hints);
  } catch (err) {
    // fail closed: keep what was found and say that the check is incomplete
    out.push(checkFailedDiagnostic(document, err));
  }
  options.cache?.sweep();
  return options.maxHintsPerRule === undefined ? out : [...out, ...capSummaries(hints, options.maxHintsPerRule)];
}

/** The same, handing control back between rules; undefined when cancelled. */
export async function getDiagnosticsAsync(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  options: DiagnosticOptions & { pause: () => Promise<void>; isCancelled: () => boolean; budgetMs?: number },
): Promise<Diagnostic[] | undefined> {
  if (options.ignored?.has('*')) {
    return [];
  }
  if (file.failure !== undefined) {
    return [checkFailedDiagnostic(document, file.failure)];
  }
  if (file.tooLarge) {
    return [tooLargeToReadDiagnostic(document, file.tooLarge.budgetMs)];
  }
  const checkStarted = Date.now();
  const out: Diagnostic[] = [];
  const hints: HintCounts = new Map();
  try {
    const skip = skipped(options);
    const suppressions = parseSuppressions(file.text);
    const seen = new Set<string>();
    const now = options.now ?? new Date();
    for (const embedded of file.policies) {
      // one budget for the whole document, shared by its policies
      const budget = options.budgetMs !== undefined ? Math.max(0, options.budgetMs - (Date.now() - checkStarted)) : undefined;
      const run = {
        skip,
        now,
        pause: options.pause,
        isCancelled: options.isCancelled,
        ...(budget !== undefined ? { budgetMs: budget } : {}),
      };
      const result = options.cache
        ? await options.cache.findingsAsync(embedded, file.text, catalog, run, (f) =>
            spanOf(f, embedded.policy.tree.root, embedded.basePath, file.text),
          )
        : await runRulesAsync(embedded.policy, catalog, run);
      if (!result) {
        return undefined;
      }
      if (result.incomplete) {
        out.push(tooLargeDiagnostic(document, embedded, result.incomplete.total - result.incomplete.ran, options.budgetMs ?? 0));
      }
      for (const f of result.failures) {
        options.onRuleFailure?.(f.ruleId, f.error);
        out.push(ruleFailed(document, embedded, f.ruleId, f.error));
      }
      toDiagnostics(file, treeOf(embedded), result.findings, document, options, suppressions, seen, out, hints);
    }
    referenceDiagnostics(file, catalog, document, options, { skip, now }, suppressions, seen, out, hints);
  } catch (err) {
    out.push(checkFailedDiagnostic(document, err));
  }
  options.cache?.sweep();
  return options.maxHintsPerRule === undefined ? out : [...out, ...capSummaries(hints, options.maxHintsPerRule)];
}

/**
 * Text span of a finding: its node, the node at its path, or its explicit span; clamped to the
 * text. A multi-line object or array is narrowed to its property key (or its first line), so a
 * statement-level finding does not underline the whole statement.
 */
export function spanOf(finding: Finding, root: JsonNode | undefined, basePath: JsonPath, text: string): { offset: number; length: number } {
  const at = finding.at;
  let node: JsonNode | undefined;
  let offset = 0;
  let length = 0;
  if ('node' in at) {
    node = at.node;
  } else if (at.span) {
    offset = at.span.offset;
    length = at.span.length;
  } else {
    node = nodeAtPath(root, [...basePath, ...at.path]) ?? root;
  }
  if (node) {
    offset = node.offset;
    length = node.length;
    if ((node.type === 'object' || node.type === 'array') && text.slice(offset, offset + length).includes('\n')) {
      const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      if (key) {
        offset = key.offset;
        length = key.length;
      } else {
        const lineEnd = text.indexOf('\n', offset);
        length = Math.max(1, (lineEnd < 0 ? text.length : lineEnd) - offset);
      }
    }
  }
  offset = Math.max(0, Math.min(offset, text.length));
  length = Math.max(0, Math.min(length, text.length - offset));
  return { offset, length };
}
