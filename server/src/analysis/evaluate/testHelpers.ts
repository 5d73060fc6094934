/** Test helpers for the evaluation engine: policies from plain objects, and a one-line evaluate. */
import { parseJson } from '../../syntax/parseJson';
import { parsePolicy } from '../../policy/parsePolicy';
import type { PolicyDocument, PolicyType } from '../../policy/model';
import { evaluate } from './evaluate';
import type { EvalPolicy, EvalPolicyType, EvalRequest, EvaluationResult } from './types';

export function doc(policy: object, type: PolicyType = 'identity'): PolicyDocument {
  return parsePolicy(parseJson(JSON.stringify(policy)), { policyType: { type, source: 'setting' } });
}

export function pol(type: EvalPolicyType, policy: object, name?: string): EvalPolicy {
  const parseType: PolicyType = type === 'boundary' || type === 'session' ? 'identity' : type;
  return { type, document: doc(policy, parseType), ...(name ? { name } : {}) };
}

/** Statements wrapped in a 2012-10-17 policy. */
export function stmts(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

export function decide(policies: EvalPolicy[], request: EvalRequest): EvaluationResult['decision'] {
  return evaluate(policies, request).decision;
}
