/** Quick-fix of service-principal-without-source: limit to your account (the one the file's ARNs name, else a placeholder). */
import { t as tr } from '../../i18n';
import { SnippetValue } from '../../edits/textEdits';
import { addConditionFix } from '../fixHelpers';
import { fileAccount } from '../derivedValues';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const account = fileAccount(t.file);
  const value = account ? new SnippetValue(`"\${1:${account}}"`) : new SnippetValue('"${1:<AccountId>}"');
  return addConditionFix(t, tr('fix.sourceAccount'), 'StringEquals', 'aws:SourceAccount', value, true);
}
