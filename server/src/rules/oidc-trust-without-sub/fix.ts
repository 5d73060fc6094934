/** Quick-fix of oidc-trust-without-sub: add the missing sub or aud condition. */
import { t as tr } from '../../i18n';
import { SnippetValue } from '../../edits/textEdits';
import { addConditionFix, quote } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the condition key to add (`<provider>:sub` or `<provider>:aud`) */
  addCondition: string;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const key = t.payload?.addCondition ?? '';
  if (!key) {
    return [];
  }
  // what only the user knows (the app's client id, the repository) is a `<Name>` placeholder that
  // condition-value-format asks to fill in; GitHub's audience is always sts.amazonaws.com
  const value = key.endsWith(':aud')
    ? new SnippetValue(`"${key.startsWith('token.actions.githubusercontent.com') ? '${1:sts.amazonaws.com}' : '${1:<ClientId>}'}"`)
    : new SnippetValue('"repo:${1:<Owner>}/${2:<Repository>}:ref:refs/heads/${3:main}"');
  return addConditionFix(t, tr('fix.addCondition', { key: quote(key) }), 'StringEquals', key, value, true);
}
