/** Quick-fix of deprecated-condition-key: change the underlined text to one of the payload's replacements. */
import { replacementFixes, type ReplacementPayload } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = ReplacementPayload;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return replacementFixes(t);
}
