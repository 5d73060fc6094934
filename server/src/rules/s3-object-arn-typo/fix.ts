/** Quick-fix of s3-object-arn-typo: replace the ARN with the corrected one the rule computed. */
import { replacementFixes, type ReplacementPayload } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = ReplacementPayload;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return replacementFixes(t);
}
