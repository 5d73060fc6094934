/** Quick-fix of service-principal-without-source: limit to your account. */
import { t as tr } from '../../i18n';
import { SnippetValue } from '../../edits/textEdits';
import { addConditionFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return addConditionFix(t, tr('fix.sourceAccount'), 'StringEquals', 'aws:SourceAccount', new SnippetValue('"${1:111122223333}"'), true);
}
