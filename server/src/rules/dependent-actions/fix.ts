/**
 * Quick-fix of dependent-actions: add the missing dependency in its own least-privilege statement
 * after the one that needs it (iam:PassRole on one role, passed to one service), with snippet
 * placeholders for the account and role.
 */
import { t as tr } from '../../i18n';
import { insertStatementsAfter } from '../../edits/statementEdits';
import { SnippetValue, type EditValue } from '../../edits/textEdits';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the action the statement's action needs, e.g. iam:PassRole */
  requires: string;
  /** for iam:PassRole: the service the role is passed to */
  passedTo?: string;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const requires = t.payload?.requires;
  if (!t.policy || !t.statement || !requires) {
    return [];
  }
  const added: Record<string, EditValue> = { Effect: 'Allow', Action: requires };
  if (requires.toLowerCase() === 'iam:passrole') {
    added.Resource = new SnippetValue('"arn:aws:iam::${1:111122223333}:role/${2:RoleName}"');
    if (t.payload?.passedTo) {
      added.Condition = { StringEquals: { 'iam:PassedToService': t.payload.passedTo } };
    }
  } else {
    added.Resource = new SnippetValue('"${1:*}"');
  }
  const insert = insertStatementsAfter(t, t.policy, t.statement, [added]);
  if (!insert) {
    return [];
  }
  return [{ title: tr('fix.dependentAction', { action: requires }), isPreferred: true, edits: [insert] }];
}
