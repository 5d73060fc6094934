/** Quick-fix of missing-version: add or change Version to "2012-10-17". */
import { versionFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return versionFix(t);
}
