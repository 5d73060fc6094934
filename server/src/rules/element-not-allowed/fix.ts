/** Quick-fix of element-not-allowed: remove the element. */
import type { JsonPath } from '../../syntax/jsonPath';
import { removeElementFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the element to remove */
  removePath: JsonPath;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  return removeElementFix(t, t.payload?.removePath);
}
