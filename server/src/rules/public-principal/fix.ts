/** Quick-fix of public-principal: limit to your organization. */
import { t as tr } from '../../i18n';
import { SnippetValue } from '../../edits/textEdits';
import { addConditionFix } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  return addConditionFix(t, tr('fix.orgId'), 'StringEquals', 'aws:PrincipalOrgID', new SnippetValue('"${1:o-a1b2c3d4e5}"'), true);
}
