/** Quick-fix of passrole-star: add iam:PassedToService, limit to one role, or move PassRole into its own statement. */
import { t as tr } from '../../i18n';
import { addCondition, insertStatementsAfter, removeListValue, replaceListValue } from '../../edits/statementEdits';
import { SnippetValue, type EditValue } from '../../edits/textEdits';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const s = t.statement;
  if (!s?.action || !t.policy) {
    return [];
  }
  const condition: EditValue = new SnippetValue('"${1:lambda.amazonaws.com}"');
  const onlyPassRole = s.action.values.length === 1 && /^iam:PassRole$/i.test(s.action.values[0].value.trim());
  const proposals: FixProposal[] = [];
  if (onlyPassRole) {
    const edit = addCondition(t, s, 'StringEquals', 'iam:PassedToService', condition);
    if (edit) {
      proposals.push({ title: tr('fix.passedToService'), isPreferred: true, edits: [edit] });
    }
    const star = s.resource?.values.find((v) => v.value.trim() === '*');
    if (star && s.resource) {
      proposals.push({
        title: tr('fix.passRoleOneRole'),
        edits: [replaceListValue(t, s.resource, star, [new SnippetValue('"arn:aws:iam::${1:Account}:role/${2:RoleName}"')])],
      });
    }
    return proposals;
  }
  const entry = s.action.values.find((v) => /^iam:PassRole$/i.test(v.value.trim()));
  const removal = entry ? removeListValue(s.action, entry) : undefined;
  const moved = {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: new SnippetValue('"arn:aws:iam::${1:Account}:role/${2:RoleName}"'),
    Condition: { StringEquals: { 'iam:PassedToService': new SnippetValue('"${3:lambda.amazonaws.com}"') } },
  };
  const insert = insertStatementsAfter(t, t.policy, s, [moved]);
  if (removal && insert) {
    proposals.push({ title: tr('fix.passRoleOwnStatement'), isPreferred: true, edits: [removal, insert] });
  }
  return proposals;
}
