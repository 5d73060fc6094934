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
import { runRules, runRulesAsync } from '../../rules/engine';
import { RULES_BY_ID } from '../../rules/index';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../rules/ruleApi';
import type { RuleSeveritySetting } from '../../shared/settings';
import { isSuppressed, parseSuppressions, type Suppressions } from './suppressions';
import { ruleMessage } from '../../i18n';

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
}

/** What code actions find in Diagnostic.data. */
export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  security: boolean;
  /** path of the target from the document root */
  path: JsonPath;
  fix?: Record<string, unknown>;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a finding ends with: the setting replaces the default, and a finding lowered by its rule stays lowered. */
export function effectiveSeverity(finding: Finding, setting: RuleSeveritySetting | undefined): Severity | undefined {
  if (setting === 'off') {
    return undefined;
  }
  if (!setting) {
    return finding.severity;
  }
  const rule = RULES_BY_ID.get(finding.ruleId);
  const lowered = rule && SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[rule.meta.defaultSeverity];
  return lowered && SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[setting] ? finding.severity : setting;
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

/** Findings of one embedded policy -> diagnostics (severity settings, suppressions, ranges, data). */
function toDiagnostics(
  file: PolicyFile,
  embedded: EmbeddedPolicy,
  findings: Finding[],
  document: TextDocument,
  options: DiagnosticOptions,
  suppressions: Suppressions,
  seen: Set<string>,
  out: Diagnostic[],
): void {
  const severities = options.severities ?? {};
  for (const finding of findings) {
    const severity = effectiveSeverity(finding, severities[finding.ruleId]);
    if (!severity) {
      continue;
    }
    const span = spanOf(finding, embedded.policy.tree.root, embedded.basePath, file.text);
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
    if (finding.unnecessary) {tags.push(DiagnosticTag.Unnecessary);}
    if (finding.deprecated) {tags.push(DiagnosticTag.Deprecated);}
    if (tags.length) {diagnostic.tags = tags;}
    out.push(diagnostic);
  }
}

export function getDiagnostics(file: PolicyFile, catalog: IamCatalog, document: TextDocument, options: DiagnosticOptions = {}): Diagnostic[] {
  if (options.ignored?.has('*')) {
    return [];
  }
  const skip = skipped(options);
  const suppressions = parseSuppressions(file.text);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const embedded of file.policies) {
    const { findings, failures } = runRules(embedded.policy, catalog, { skip, now: options.now ?? new Date() });
    failures.forEach((f) => options.onRuleFailure?.(f.ruleId, f.error));
    toDiagnostics(file, embedded, findings, document, options, suppressions, seen, out);
  }
  return out;
}

/** The same, handing control back between rules; undefined when cancelled. */
export async function getDiagnosticsAsync(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  options: DiagnosticOptions & { pause: () => Promise<void>; isCancelled: () => boolean },
): Promise<Diagnostic[] | undefined> {
  if (options.ignored?.has('*')) {
    return [];
  }
  const skip = skipped(options);
  const suppressions = parseSuppressions(file.text);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const embedded of file.policies) {
    const result = await runRulesAsync(embedded.policy, catalog, { skip, now: options.now ?? new Date(), pause: options.pause, isCancelled: options.isCancelled });
    if (!result) {
      return undefined;
    }
    result.failures.forEach((f) => options.onRuleFailure?.(f.ruleId, f.error));
    toDiagnostics(file, embedded, result.findings, document, options, suppressions, seen, out);
  }
  return out;
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
