/** Quick-fix of resource-type-mismatch: one statement per resource type. */
import { splitByResourceTypeFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return splitByResourceTypeFix(t);
}
