/**
 * One line above each statement saying what it grants, like the IAM console's summary:
 * "Allow · s3: List 2, Read 3 · 1 bucket · MFA required". Clicking it opens the summary view in
 * VS Code (a client command, attached only when the client has it); in any other client the
 * server runs the lens's command itself and shows the statement's whole summary as a message.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatStatementLine, statementAccess } from '../../analysis/accessSummary';
import type { IamCatalog } from '../../catalog/catalog';
import { t } from '../../i18n';
import type { PolicyFile } from '../../policy/policyFile';

/** client-side (the extension's summary view) */
export const SHOW_SUMMARY_COMMAND = 'iamPolicy.showSummary';
/** server-side: workspace/executeCommand with [uri, line of the statement] */
export const DESCRIBE_STATEMENT_COMMAND = 'iamPolicy.describeStatement';

/** Statements beyond this many get no lens: a generated policy of thousands would drown in them. */
const MAX_LENSES = 500;

/** @param clientSummary the client has SHOW_SUMMARY_COMMAND; otherwise lenses run the server's command */
export function getCodeLenses(catalog: IamCatalog, file: PolicyFile, document: TextDocument, now: Date, clientSummary = true): CodeLens[] {
  const out: CodeLens[] = [];
  for (const { policy } of file.policies) {
    for (const statement of policy.statements) {
      if (out.length >= MAX_LENSES) {
        return out;
      }
      const start = document.positionAt(statement.node.offset);
      const title = formatStatementLine(statementAccess(statement, catalog, now));
      out.push({
        range: { start, end: start },
        command: clientSummary
          ? { title, command: SHOW_SUMMARY_COMMAND, arguments: [document.uri] }
          : { title, command: DESCRIBE_STATEMENT_COMMAND, arguments: [document.uri, start.line] },
      });
    }
  }
  return out;
}

/** The whole summary line (every service) of the statement starting on a line, for DESCRIBE_STATEMENT_COMMAND. */
export function describeStatement(
  catalog: IamCatalog,
  file: PolicyFile,
  document: TextDocument,
  line: number,
  now: Date,
): string | undefined {
  for (const { policy } of file.policies) {
    for (const [i, statement] of policy.statements.entries()) {
      if (document.positionAt(statement.node.offset).line === line) {
        const name = statement.sid?.value
          ? t('codeLens.statementSid', { sid: statement.sid.value })
          : t('codeLens.statementIndex', { index: i + 1 });
        return `${name}: ${formatStatementLine(statementAccess(statement, catalog, now), Number.MAX_SAFE_INTEGER)}`;
      }
    }
  }
  return undefined;
}
