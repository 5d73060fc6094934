/**
 * The evaluation engine's inputs and outputs: policies with the role they play (identity,
 * resource, SCP, RCP, permissions boundary, session), a request, and a decision with the
 * statements and condition values that made it.
 */
import type { PolicyDocument, Statement } from '../../policy/model';

/** The role a policy plays in a request (a role trust policy is a resource policy of the role). */
export type EvalPolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session';

export const EVAL_POLICY_TYPES: readonly EvalPolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'];

export interface EvalPolicy {
  type: EvalPolicyType;
  document: PolicyDocument;
  /** shown in explanations (a file name, a Sid of the template resource) */
  name?: string;
  /**
   * SCPs and RCPs: the level of the organization (root, an OU, the account) the policy is attached
   * to. Policies at one level are ORed, levels are ANDed. Default: one level.
   */
  layer?: string;
}

/** A context value as the request carries it: typed scalars, or a list for multivalued keys. */
export type ContextScalar = string | number | boolean;
export type ContextValue = ContextScalar | readonly ContextScalar[];

export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | 'Anonymous';

export interface EvalPrincipal {
  /** `arn:aws:iam::111122223333:user/Bob`, `arn:aws:sts::111122223333:assumed-role/R/s`, `s3.amazonaws.com` */
  arn?: string;
  /** the principal's account (derived from the ARN when missing) */
  account?: string;
  /** derived from the ARN when missing */
  kind?: PrincipalKind;
}

export interface EvalRequest {
  /** `s3:GetObject` (any case) */
  action: string;
  /** the resource ARN, or `*` for actions without a resource */
  resource: string;
  principal?: EvalPrincipal;
  /** the account that owns the resource (derived from the resource ARN when it has one) */
  resourceAccount?: string;
  /** context keys (any case) and their values; a list is a multivalued key, an empty list a key with no values */
  context?: Record<string, ContextValue>;
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** How one condition entry (operator + key) evaluated. */
export interface ConditionTrace {
  operator: string;
  key: string;
  /** the policy's values (policy variables resolved) */
  values: string[];
  /** the request's values; undefined when the key is absent */
  requestValues: string[] | undefined;
  result: boolean;
  /** why, in words: "aws:SourceIp 10.1.2.3 is in 10.0.0.0/8" */
  reason: string;
}

/** A statement that applied to the request's action, resource and principal. */
export interface StatementTrace {
  policy: string;
  policyType: EvalPolicyType;
  statement: Statement;
  sid?: string;
  /** index in the Statement array (undefined for a single statement object) */
  index: number | undefined;
  effect: 'Allow' | 'Deny';
  /** all conditions held: the statement decides */
  matched: boolean;
  conditions: ConditionTrace[];
  /** resource policies: how the principal matched (`role`: granted to the role ARN of a session) */
  principalMatch?: PrincipalMatch;
}

export type PrincipalMatch = 'any' | 'account' | 'role' | 'exact' | 'service' | 'federated' | 'canonical' | 'notPrincipal';

/**
 * Why, as a message id and its arguments (locale-neutral; the editor shows it through the i18n
 * catalog as `evaluate.reason.<id>`): the same fact as `reason`.
 */
export type ReasonId =
  | 'explicitDeny'
  | 'noScp'
  | 'noRcp'
  | 'allowedByResource'
  | 'allowedByResourceToRole'
  | 'allowedCrossAccount'
  | 'allowedByIdentity'
  | 'noResourcePolicyForPrincipal'
  | 'boundaryDenies'
  | 'sessionDenies'
  | 'crossAccountNoResource'
  | 'crossAccountNoIdentity'
  | 'noIdentityAllows'
  | 'noPolicyAllows'
  | 'keyPolicyMustAllow'
  | 'trustPolicyMustAllow';

export interface EvaluationResult {
  decision: Decision;
  /** one sentence: which policy or missing grant decided */
  reason: string;
  reasonId: ReasonId;
  /** the values in the reason (accounts, an organization level, a principal kind); no prose */
  reasonArgs: Record<string, string>;
  /** the statements that decided (the Deny statements, or the Allow statements that granted) */
  deciding: StatementTrace[];
  /** every statement whose action, resource and principal matched, with its conditions */
  statements: StatementTrace[];
}
