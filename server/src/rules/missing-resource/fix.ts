/** Quick-fix of missing-resource: add "Resource". */
import { missingElementFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return missingElementFix(t, 'Resource');
}
