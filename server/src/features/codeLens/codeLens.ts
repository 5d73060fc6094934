/**
 * One line above each statement saying what it grants, like the IAM console's summary:
 * "Allow · s3: List 2, Read 3 · 1 bucket · MFA required". Clicking it opens the summary view.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatStatementLine, statementAccess } from '../../analysis/accessSummary';
import type { IamCatalog } from '../../catalog/catalog';
import type { PolicyFile } from '../../policy/policyFile';

export const SHOW_SUMMARY_COMMAND = 'iamPolicy.showSummary';

/** Statements beyond this many get no lens: a generated policy of thousands would drown in them. */
const MAX_LENSES = 500;

export function getCodeLenses(catalog: IamCatalog, file: PolicyFile, document: TextDocument, now: Date): CodeLens[] {
  const out: CodeLens[] = [];
  for (const { policy } of file.policies) {
    for (const statement of policy.statements) {
      if (out.length >= MAX_LENSES) {
        return out;
      }
      const start = document.positionAt(statement.node.offset);
      out.push({
        range: { start, end: start },
        command: { title: formatStatementLine(statementAccess(statement, catalog, now)), command: SHOW_SUMMARY_COMMAND, arguments: [document.uri] },
      });
    }
  }
  return out;
}
