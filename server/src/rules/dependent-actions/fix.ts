/**
 * Quick-fix of dependent-actions: add the missing dependency in its own least-privilege statement
 * after the one that needs it (iam:PassRole on one role, passed to one service), with snippet
 * placeholders for the account and role.
 */
import { t as tr } from '../../i18n';
import { insertStatementsAfter, statementValue } from '../../edits/statementEdits';
import { SnippetValue, type EditValue } from '../../edits/textEdits';
import type { FixContext, FixProposal } from '../ruleApi';
import { ArnDeriver } from '../derivedValues';

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
    // the roles the file names, else a role ARN with the file's account and a placeholder name
    const passRole = t.catalog.action('iam:PassRole');
    const roleType = passRole && t.catalog.resourceTypesOf(passRole).find((x) => x.name === 'role');
    const deriver = new ArnDeriver(t.catalog, t.file);
    const roles = roleType ? deriver.existing(roleType) : [];
    added.Resource =
      roles.length > 1 ? roles : roles.length === 1 ? roles[0] : roleType ? deriver.valueFor(roleType) : new SnippetValue('"${1:*}"');
    if (t.payload?.passedTo) {
      added.Condition = { StringEquals: { 'iam:PassedToService': t.payload.passedTo } };
    }
  } else {
    added.Resource = new SnippetValue('"${1:*}"');
  }
  // the new statement's keys in the order this statement uses
  const drop = t.statement.elements.map((e) => e.name).filter((n) => !(n in added));
  const ordered = statementValue(t, t.policy, t.statement, added, drop);
  const insert = insertStatementsAfter(t, t.policy, t.statement, [ordered]);
  if (!insert) {
    return [];
  }
  return [{ title: tr('fix.dependentAction', { action: requires }), isPreferred: true, edits: [insert] }];
}
