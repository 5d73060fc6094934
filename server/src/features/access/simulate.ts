/**
 * One request decided for the policies of a file, with the explanation the CLI's `simulate
 * --format json` prints and the editor's "Can this policy …?" shows: the decision, why (as text
 * and as a message id), what was assumed, the deciding statements and every statement that matched
 * the action, resource and principal with each condition's key, values and result.
 */
import {
  decideWithAssumptions,
  type AssumptionId,
  type EvalPolicy,
  type EvalRequest,
  type EvaluationResult,
} from '../../analysis/evaluate';
import type { StatementTrace } from '../../analysis/evaluate';
import { t } from '../../i18n';
import type { PolicyFile } from '../../policy/policyFile';

/** A policy of a file, with where it is (for messages). */
export interface LoadedPolicy extends EvalPolicy {
  name: string;
  file: string;
  /** where in a template (`Resources.Role.Properties.Policies.0.PolicyDocument`); '' for a policy file */
  location: string;
  text: string;
}

/** The policies of an analysed file, named after `display` (and their place in a template). */
export function loadedPolicies(analyzed: PolicyFile, text: string, display: string): LoadedPolicy[] {
  if (!analyzed.isPolicy) {
    return [];
  }
  return analyzed.policies.map((p) => {
    const location = p.basePath.join('.');
    return {
      type: p.policy.policyType,
      document: p.policy,
      name: location ? `${display}#${location}` : display,
      file: display,
      location,
      text,
    };
  });
}

/** The `file` of the identity policy assumed when none is given (`SimulatedStatement.file`). */
export const ASSUMED_FILE = '(assumed)';

/** `statement "Sid" (file:line)` of a statement, for messages, in the current locale. */
export function statementLocation(s: StatementTrace, policies: readonly LoadedPolicy[]): string {
  const p = policies.find((x) => x.document.statements.includes(s.statement));
  const id = s.sid ? `"${s.sid}"` : s.index !== undefined ? `#${s.index + 1}` : '';
  if (!p) {
    return t('access.statementOf', { id, policy: s.policy });
  }
  const line = p.text.slice(0, s.statement.node.offset).split('\n').length;
  const file = p.file === ASSUMED_FILE ? t('access.assumedFile') : p.file;
  return t('access.statement', { id, file, line, location: p.location ? `, ${p.location}` : '' }).replace(/ {2}\(/, ' (');
}

export interface SimulatedStatement {
  statement: string;
  /** the statement's Sid, if it has one */
  sid?: string;
  /** 1-based line of the statement in its file (0 for an assumed policy) */
  line: number;
  /** the file of the statement ('(assumed)' for an assumed policy) */
  file: string;
  /** 1-based position in the Statement list (absent for a single statement object) */
  index?: number;
  effect: string;
  matched: boolean;
  conditions: { operator: string; key: string; values: string[]; requestValues: string[] | null; result: boolean; reason: string }[];
}

export interface SimulateOutput {
  decision: EvaluationResult['decision'];
  reason: string;
  /** `reason` as a message id and its values (the editor localizes it) */
  reasonId: EvaluationResult['reasonId'];
  reasonArgs: Record<string, string>;
  request: EvalRequest;
  assumed: string[];
  assumptions: AssumptionId[];
  deciding: string[];
  /** the deciding statements as the `statements` entries describe them */
  decidingStatements: SimulatedStatement[];
  statements: SimulatedStatement[];
}

export function simulate(policies: LoadedPolicy[], request: EvalRequest): SimulateOutput {
  const { result, assumed, assumptions, policies: evaluated } = decideWithAssumptions(policies, request);
  const all: LoadedPolicy[] = evaluated.map((p) =>
    policies.includes(p as LoadedPolicy)
      ? (p as LoadedPolicy)
      : { ...p, name: p.name ?? t('access.assumedPolicy'), file: ASSUMED_FILE, location: '', text: '' },
  );
  const describe = (s: StatementTrace): SimulatedStatement => {
    const owner = all.find((x) => x.document.statements.includes(s.statement));
    return {
      statement: statementLocation(s, all),
      ...(s.sid ? { sid: s.sid } : {}),
      line: owner?.text ? owner.text.slice(0, s.statement.node.offset).split('\n').length : 0,
      file: owner?.file ?? s.policy,
      ...(s.index !== undefined ? { index: s.index + 1 } : {}),
      effect: s.effect,
      matched: s.matched,
      conditions: s.conditions.map((c) => ({
        operator: c.operator,
        key: c.key,
        values: c.values,
        requestValues: c.requestValues ?? null,
        result: c.result,
        reason: c.reason,
      })),
    };
  };
  return {
    decision: result.decision,
    reason: result.reason,
    reasonId: result.reasonId,
    reasonArgs: result.reasonArgs,
    request,
    assumed,
    assumptions,
    deciding: result.deciding.map((s) => statementLocation(s, all)),
    decidingStatements: result.deciding.map(describe),
    statements: result.statements.map(describe),
  };
}

const ACCOUNT_OF_ARN = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;
const DEFAULT_ACCOUNT = '123456789012';

/** The request of `simulate`: the principal defaults to a user in the resource's account. */
export function simulationRequest(input: {
  action: string;
  resource?: string;
  principal?: string;
  context?: Record<string, string | string[]>;
}): EvalRequest {
  const resource = input.resource?.trim() || '*';
  const account = ACCOUNT_OF_ARN.exec(resource)?.[1] ?? DEFAULT_ACCOUNT;
  const principal = input.principal?.trim() || `arn:aws:iam::${account}:user/simulated-user`;
  const context = input.context ?? {};
  return { action: input.action.trim(), resource, principal: { arn: principal }, ...(Object.keys(context).length ? { context } : {}) };
}

/** `key=value` entries; a repeated key makes a multivalued key. Returns the bad entry when one has no `=`. */
export function parseContextEntries(entries: readonly string[]): { context: Record<string, string | string[]> } | { bad: string } {
  const out: Record<string, string | string[]> = {};
  for (const a of entries) {
    const eq = a.indexOf('=');
    if (eq <= 0 || !a.slice(0, eq).trim()) {
      return { bad: a };
    }
    const key = a.slice(0, eq).trim();
    const value = a.slice(eq + 1);
    const existing = out[key];
    out[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { context: out };
}
