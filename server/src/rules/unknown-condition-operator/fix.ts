/** Quick-fix of unknown-condition-operator: change the operator to a known one (a case fix joins fix-all). */
import { replacementFixes, type ReplacementPayload } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = ReplacementPayload;

export function fix(t: FixContext<Payload>): FixProposal[] {
  // only the spelling changes in a case fix: the operator means what the author meant
  return replacementFixes(t, t.messageId === 'caseMismatch');
}
