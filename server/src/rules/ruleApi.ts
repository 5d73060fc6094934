/**
 * The rule API. A rule is a pure function of the policy model and the IAM catalog: it reports
 * findings that point at a model node (or a JSON path) with a message id, never an editor range.
 * features/diagnostics turns findings into LSP diagnostics in one place.
 */
import type { IamCatalog } from '../catalog/catalog';
import type { PolicyFacts } from '../analysis/facts';
import type { Located, PolicyDocument, PolicyType, Statement } from '../policy/model';
import type { PolicyFile } from '../policy/policyFile';
import type { JsonNode, TextSpan } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';
import type { OffsetEdit, Style } from '../edits/textEdits';
import type { ResolvedReference } from '../analysis/managedPolicies';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export type RuleCategory =
  'syntax' | 'grammar' | 'actions' | 'resources' | 'conditions' | 'principals' | 'security' | 'suggestions' | 'limits';

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
  /** true exactly when the rule has a `fix` (rules/fixable.test.ts checks it) */
  fixable?: boolean;
  /**
   * What the rule's quick-fixes promise about the access a policy grants: 'narrows' (they never add
   * any), 'keeps' (they neither add nor remove any). Absent: no promise (a spelling fix changes what
   * is granted). The never-widen tests (test/evaluate, test/corpus) check the promise on every fix.
   */
  fixAccess?: 'narrows' | 'keeps';
}

/** Where a finding points: a model element, a JSON path, or (syntax, managed-policy references) a text span. */
export type FindingTarget = Located | { path: JsonPath; span?: TextSpan };

/**
 * A finding; `P` is the rule's fix payload: what its `fix` needs beyond the place the finding points
 * at, carried to the code action in Diagnostic.data. Rules without a payload use `undefined`.
 */
export interface FindingInput<P = unknown> {
  messageId: string;
  at: FindingTarget;
  data?: Record<string, string | number>;
  /** lower (or raise) the rule's severity for this finding, e.g. when a condition constrains it */
  severity?: Severity;
  /** false when a security rule's finding is only a note (conditioned, scoped) */
  security?: boolean;
  fix?: P;
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

export interface RuleContext<P = unknown> {
  policy: PolicyDocument;
  catalog: IamCatalog;
  facts: PolicyFacts;
  report(finding: FindingInput<P>): void;
}

/**
 * What a rule that checks managed-policy references gets: every reference of the file that names an
 * AWS managed policy (known or not). Findings point at `{ path: [], span }` (a host-text span).
 */
export interface ReferenceContext<P = unknown> {
  references: readonly ResolvedReference[];
  catalog: IamCatalog;
  now: Date;
  report(finding: FindingInput<P>): void;
}

/** What a rule's quick-fix gets: the finding it fixes (where it starts, its message and payload) and the file. */
export interface FixContext<P = unknown> {
  /** the whole text of the file and its layout */
  text: string;
  style: Style;
  catalog: IamCatalog;
  file: PolicyFile;
  /** where the finding's range starts */
  offset: number;
  messageId: string;
  payload: P | undefined;
  /** the policy and statement the finding points into */
  policy?: PolicyDocument;
  statement?: Statement;
  /** the innermost string node (value or key) that starts at an offset */
  stringAt(offset: number): JsonNode | undefined;
}

/** One quick-fix: offset edits (snippet edits may hold tab stops); `safe` ones do not change access and join fix-all. */
export interface FixProposal {
  title: string;
  edits: OffsetEdit[];
  isPreferred?: boolean;
  safe?: boolean;
}

export interface Rule<P = unknown> {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext<P>): void;
  /** managed policies attached by ARN or name (infrastructure code), checked once per file */
  checkReferences?(ctx: ReferenceContext<P>): void;
  /** the quick-fixes for one of its findings (the rule's `fix.ts`) */
  fix?(ctx: FixContext<P>): FixProposal[];
}

export function defineRule<P = undefined>(rule: Rule<P>): Rule<P> {
  return rule;
}

/** A finding's message from its template and data (the same formatting as the message catalogs). */
export { formatMessage } from '../i18n/format';
