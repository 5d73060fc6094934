/**
 * Deciding a request for the policies a user has at hand (a file, a template), as the CLI's
 * `simulate` and an editor command need it: when no identity-based policy is given, the
 * principal's own identity policies are assumed to allow, unless a resource policy in the same
 * account decides on its own. The assumption is returned, so it can be shown.
 */
import { allowAllIdentity } from './access';
import { evaluate, mustAllowOwner } from './evaluate';
import type { EvalPolicy, EvalRequest, EvaluationResult } from './types';

export interface Decided {
  result: EvaluationResult;
  /** what was assumed, in words (empty when nothing was) */
  assumed: string[];
  /** the same as ids (`evaluate.assumed.<id>` in the i18n catalogs) */
  assumptions: AssumptionId[];
  /** the policies evaluated (the given ones, plus an assumed identity policy) */
  policies: EvalPolicy[];
}

const ACCOUNT_OF_ARN = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;

export type AssumptionId = 'identityAllows' | 'defaultKeyPolicy' | 'trustPolicyTrustsAccount';

export function decideWithAssumptions(given: readonly EvalPolicy[], request: EvalRequest): Decided {
  const policies = [...given];
  const assumed: string[] = [];
  const assumptions: AssumptionId[] = [];
  const has = (types: EvalPolicy['type'][]) => policies.some((p) => types.includes(p.type));
  const principalAccount = request.principal?.account ?? ACCOUNT_OF_ARN.exec(request.principal?.arn ?? '')?.[1];
  const resourceAccount = request.resourceAccount ?? ACCOUNT_OF_ARN.exec(request.resource)?.[1];
  const crossAccount = !!principalAccount && !!resourceAccount && principalAccount !== resourceAccount;
  if (!has(['identity']) && (!has(['resource', 'trust']) || crossAccount)) {
    policies.push(allowAllIdentity());
    assumed.push("the principal's identity-based policies allow the request (no identity policy was given)");
    assumptions.push('identityAllows');
  }
  // KMS keys and roles need their own policy's allow even in the account; when it was not given,
  // say what the engine then stands on (identity policies decide, as under the default key policy)
  if (!crossAccount && !mustAllowOwner(policies, request.action)) {
    if (/^kms:/i.test(request.action) && /^arn:[^:]*:kms:[^:]*:[^:]*:key\//.test(request.resource)) {
      assumed.push(
        'the key policy allows the account and so lets IAM policies grant access (the default key policy; no key policy was given)',
      );
      assumptions.push('defaultKeyPolicy');
    } else if (/^sts:AssumeRole$/i.test(request.action.trim())) {
      assumed.push("the role's trust policy trusts the account and so lets IAM policies grant sts:AssumeRole (no trust policy was given)");
      assumptions.push('trustPolicyTrustsAccount');
    }
  }
  return { result: evaluate(policies, request), assumed, assumptions, policies };
}
