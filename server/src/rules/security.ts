/**
 * What the security rules share: how broad a statement's resources are, whether a condition
 * really limits it, and how a condition lowers a finding. Tables used by one rule live in its folder.
 */
import { conditionExplanation } from '../analysis/conditions';
import type { PolicyFacts } from '../analysis/facts';
import { parseArn, resourceCoversTemplate } from '../catalog/arn';
import type { ActionInfo } from '../catalog/catalog';
import type { Statement } from '../policy/model';
import type { FindingInput, Severity } from './ruleApi';

export type ResourceBreadth = 'all' | 'wildcard' | 'specific' | 'self' | 'awsManaged';

/**
 * - all: "*" or NotResource
 * - wildcard: a pattern that spans accounts or many resources (`arn:aws:iam::*:policy/x-*`)
 * - self: only the caller's own user (`user/${aws:username}`)
 * - awsManaged: only AWS managed policies (`arn:aws:iam::aws:policy/...`)
 * - specific: named resources
 */
export function resourceBreadth(facts: PolicyFacts, statement: Statement): ResourceBreadth {
  const { values, negated } = facts.resources(statement);
  // in a resource-based policy "*" is the resource the policy is attached to (a key, a queue)
  if (facts.policy.policyType === 'resource' && !negated && values.length > 0 && values.every((v) => v === '*')) {
    return 'specific';
  }
  if (negated || values.includes('*') || values.length === 0) {
    return 'all';
  }
  if (values.every((v) => /:user\/(\$\{aws:username\}|\$\{aws:userid\})$/i.test(v))) {
    return 'self';
  }
  if (values.every((v) => /^arn:[^:]+:iam::aws:policy\//.test(v))) {
    return 'awsManaged';
  }
  // a wildcard in the resource name reaches resources you did not name; one in the account or
  // Region alone (`arn:aws:dynamodb:*:*:table/Books`) still names the resource
  const broad = values.some((v) => {
    const arn = parseArn(v);
    return !arn || /[*?]/.test(arn.resource.replace(/\$\{[^}]*\}/g, ''));
  });
  return broad ? 'wildcard' : 'specific';
}

/** The statement reaches every resource of one of the action's types ("*", NotResource, or a pattern that covers the type). */
export function coversAllOf(facts: PolicyFacts, s: Statement, action: ActionInfo): boolean {
  const { values, negated } = facts.resources(s);
  if (facts.policy.policyType === 'resource' && !negated && values.length > 0 && values.every((v) => v === '*')) {
    return false;
  }
  if (negated || values.includes('*')) {
    return true;
  }
  return facts.catalog.resourceTypesOf(action).some((t) => values.some((v) => resourceCoversTemplate(v, t.arn)));
}

/** Actions of a statement that the policy really allows (not cancelled by a blanket Deny). */
export function netActionsOf(facts: PolicyFacts, s: Statement, actions: readonly ActionInfo[]): readonly ActionInfo[] {
  if (s.effect?.value !== 'Allow') {
    return [];
  }
  const denied = facts.blanketDenied();
  // no copy when nothing is denied: an "Action": "*" statement would copy the whole catalog
  return denied.size === 0 ? actions : actions.filter((a) => !denied.has(a));
}

/**
 * A resource-policy statement whose principals are only whole accounts (`arn:aws:iam::111122223333:root`
 * or the account ID): it delegates to that account's IAM policies, as AWS's default key policy does.
 */
export function delegatesToAccounts(s: Statement): boolean {
  const entries = s.principal?.entries ?? [];
  return (
    !s.principal?.scalar &&
    entries.length > 0 &&
    entries.every(
      (e) =>
        e.type === 'AWS' &&
        e.values.values.length > 0 &&
        e.values.values.every((v) => /^(\d{12}|arn:[\w-]+:iam::\d{12}:root)$/.test(v.value.trim())),
    )
  );
}

/** Statements that are `Allow * on *`: full-admin reports them; other broad-grant rules stay quiet. */
export function isFullAdmin(facts: PolicyFacts, s: Statement): boolean {
  return s.effect?.value === 'Allow' && !!s.action?.values.some((v) => v.value === '*') && facts.resources(s).values.includes('*');
}

/**
 * The severity of a broad grant: a condition that really constrains the statement lowers it to a
 * note, and says why; weak conditions (that limit nothing) change nothing. `dead`: the condition
 * can never be true, so the statement grants nothing and the broad-grant rules stay quiet (the
 * statement is reported once, by statement-never-applies or unknown-condition-key).
 */
export function conditionAdjustment(
  facts: PolicyFacts,
  s: Statement,
): { severity?: Severity; security?: boolean; why: string; dead?: boolean } {
  const assessment = facts.conditions(s);
  if (assessment.neverTrue.length > 0) {
    return { why: '', dead: true };
  }
  const why = conditionExplanation(assessment);
  if (why) {
    return { severity: 'info', security: false, why: ` (lower severity: ${why})` };
  }
  return { why: '' };
}

export function withAdjustment<P>(input: FindingInput<P>, adj: { severity?: Severity; security?: boolean }): FindingInput<P> {
  return {
    ...input,
    ...(adj.severity ? { severity: adj.severity } : {}),
    ...(adj.security !== undefined ? { security: adj.security } : {}),
  };
}
