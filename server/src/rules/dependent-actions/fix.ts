/**
 * Quick-fix of dependent-actions: add the missing dependency in its own least-privilege statement
 * after the one that needs it (iam:PassRole on one role, passed to one service), with snippet
 * placeholders for the account and role.
 */
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { PolicyDocument, Statement } from '../../policy/model';
import type { EditSession, Proposal } from '../../features/codeActions/context';
import { insertStatementsAfter } from '../../features/codeActions/statementEdits';
import { SnippetValue, type EditValue } from '../../features/codeActions/textEdits';

export function dependentActionFix(
  session: EditSession,
  diagnostic: Diagnostic,
  policy: PolicyDocument | undefined,
  statement: Statement | undefined,
  fix: Record<string, unknown>,
): Proposal[] {
  const requires = typeof fix.requires === 'string' ? fix.requires : undefined;
  if (!policy || !statement || !requires) {return [];}
  const added: Record<string, EditValue> = { Effect: 'Allow', Action: requires };
  if (requires.toLowerCase() === 'iam:passrole') {
    added.Resource = new SnippetValue('"arn:aws:iam::${1:111122223333}:role/${2:RoleName}"');
    if (typeof fix.passedTo === 'string') {
      added.Condition = { StringEquals: { 'iam:PassedToService': fix.passedTo } };
    }
  } else {
    added.Resource = new SnippetValue('"${1:*}"');
  }
  const insert = insertStatementsAfter(session, policy, statement, [added]);
  if (!insert) {return [];}
  return [{ title: `Add ${requires} in its own statement`, kind: CodeActionKind.QuickFix, diagnostic, isPreferred: true, edits: [insert] }];
}
