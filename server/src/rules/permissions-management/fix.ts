/** Quick-fix of permissions-management: ARNs instead of "*". */
import { resourceStarFixes } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return resourceStarFixes(t);
}
