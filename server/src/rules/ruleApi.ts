/**
 * The rule API. A rule is a pure function of the policy model and the IAM catalog: it reports
 * findings that point at a model node (or a JSON path) with a message id, never an editor range.
 * features/diagnostics turns findings into LSP diagnostics in one place.
 */
import type { IamCatalog } from '../catalog/catalog';
import type { PolicyFacts } from '../analysis/facts';
import type { Located, PolicyDocument, PolicyType } from '../policy/model';
import type { TextSpan } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export type RuleCategory = 'syntax' | 'grammar' | 'actions' | 'resources' | 'conditions' | 'principals' | 'security' | 'suggestions' | 'limits';

export interface RuleMeta {
  /** one line; equals the first paragraph of the rule's README */
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** an overly broad or dangerous grant (reported like Access Analyzer's security warnings) */
  security?: boolean;
  /** message templates by id; `{{name}}` is replaced by the finding's data */
  messages: Record<string, string>;
  /** the policy types the rule applies to (all when absent) */
  policyTypes?: readonly PolicyType[];
  /** true when a quick-fix exists for (some of) its findings */
  fixable?: boolean;
}

/** What a quick-fix needs, carried in Diagnostic.data. */
export type FixData = Record<string, unknown>;

/** Where a finding points: a model element, a JSON path, or (syntax only) a text span. */
export type FindingTarget = Located | { path: JsonPath; span?: TextSpan };

export interface FindingInput {
  messageId: string;
  at: FindingTarget;
  data?: Record<string, string | number>;
  /** lower (or raise) the rule's severity for this finding, e.g. when a condition constrains it */
  severity?: Severity;
  /** false when a security rule's finding is only a note (conditioned, scoped) */
  security?: boolean;
  fix?: FixData;
  /** marks text that could be removed (rendered faded) */
  unnecessary?: boolean;
  deprecated?: boolean;
}

export interface Finding extends FindingInput {
  ruleId: string;
  message: string;
  severity: Severity;
  security: boolean;
}

export interface RuleContext {
  policy: PolicyDocument;
  catalog: IamCatalog;
  facts: PolicyFacts;
  report(finding: FindingInput): void;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));
}
