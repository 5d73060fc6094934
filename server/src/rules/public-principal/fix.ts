/** Quick-fix of public-principal: limit to your organization (the id the file tests elsewhere, else a placeholder). */
import { t as tr } from '../../i18n';
import { SnippetValue } from '../../edits/textEdits';
import { addConditionFix } from '../fixHelpers';
import { conditionValuesOf } from '../derivedValues';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const org = conditionValuesOf(t.file, 'aws:PrincipalOrgID').find((v) => /^o-[a-z0-9]{10,32}$/.test(v));
  const value = new SnippetValue(`"\${1:${org ?? '<OrganizationId>'}}"`);
  return addConditionFix(t, tr('fix.orgId'), 'StringEquals', 'aws:PrincipalOrgID', value, true);
}
