/**
 * Deciding a request for the policies a user has at hand (a file, a template), as the CLI's
 * `simulate` and an editor command need it: when no identity-based policy is given, the
 * principal's own identity policies are assumed to allow, unless a resource policy in the same
 * account decides on its own. The assumption is returned, so it can be shown.
 */
import { allowAllIdentity } from './access';
import { evaluate } from './evaluate';
import type { EvalPolicy, EvalRequest, EvaluationResult } from './types';

export interface Decided {
  result: EvaluationResult;
  /** what was assumed, in words (empty when nothing was) */
  assumed: string[];
  /** the policies evaluated (the given ones, plus an assumed identity policy) */
  policies: EvalPolicy[];
}

const ACCOUNT_OF_ARN = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;

export function decideWithAssumptions(given: readonly EvalPolicy[], request: EvalRequest): Decided {
  const policies = [...given];
  const assumed: string[] = [];
  const has = (types: EvalPolicy['type'][]) => policies.some((p) => types.includes(p.type));
  const principalAccount = request.principal?.account ?? ACCOUNT_OF_ARN.exec(request.principal?.arn ?? '')?.[1];
  const resourceAccount = request.resourceAccount ?? ACCOUNT_OF_ARN.exec(request.resource)?.[1];
  const crossAccount = !!principalAccount && !!resourceAccount && principalAccount !== resourceAccount;
  if (!has(['identity']) && (!has(['resource', 'trust']) || crossAccount)) {
    policies.push(allowAllIdentity());
    assumed.push("the principal's identity-based policies allow the request (no identity policy was given)");
  }
  return { result: evaluate(policies, request), assumed, policies };
}
