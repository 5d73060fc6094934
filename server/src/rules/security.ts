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
  if (negated || values.includes('*')) {
    return true;
  }
  return facts.catalog.resourceTypesOf(action).some((t) => values.some((v) => resourceCoversTemplate(v, t.arn)));
}

/** Actions of a statement that the policy really allows (not cancelled by a blanket Deny). */
export function netActionsOf(facts: PolicyFacts, s: Statement, actions: readonly ActionInfo[]): ActionInfo[] {
  if (s.effect?.value !== 'Allow') {
    return [];
  }
  const denied = facts.blanketDenied();
  return denied.size === 0 ? [...actions] : actions.filter((a) => !denied.has(a));
}

/** Statements that are `Allow * on *`: full-admin reports them; other broad-grant rules stay quiet. */
export function isFullAdmin(facts: PolicyFacts, s: Statement): boolean {
  return s.effect?.value === 'Allow' && !!s.action?.values.some((v) => v.value.trim() === '*') && facts.resources(s).values.includes('*');
}

/**
 * The severity of a broad grant: a condition that can never be true or that really constrains
 * the statement lowers it to a note, and says why; weak conditions change nothing.
 */
export function conditionAdjustment(facts: PolicyFacts, s: Statement): { severity?: Severity; security?: boolean; why: string } {
  const why = conditionExplanation(facts.conditions(s));
  if (why) {
    return { severity: 'info', security: false, why: ` (lower severity: ${why})` };
  }
  return { why: '' };
}

export function withAdjustment<P>(input: FindingInput<P>, adj: { severity?: Severity; security?: boolean }): FindingInput<P> {
  return { ...input, ...(adj.severity ? { severity: adj.severity } : {}), ...(adj.security !== undefined ? { security: adj.security } : {}) };
}
