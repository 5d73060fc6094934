/** Quick-fix of empty-value: remove an empty Condition or Sid. */
import type { JsonPath } from '../../syntax/jsonPath';
import { removeElementFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the element to remove (only when removing it keeps the meaning) */
  removePath: JsonPath;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  return removeElementFix(t, t.payload?.removePath);
}
