/** Quick-fix of resource-star: ARNs instead of "*", or one statement per resource type. */
import { resourceStarFixes, splitByResourceTypeFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return [...resourceStarFixes(t), ...splitByResourceTypeFix(t)];
}
