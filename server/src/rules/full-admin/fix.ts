/** Quick-fix of full-admin: narrow the wildcard to explicit actions. */
import { narrowFixes } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return narrowFixes(t);
}
