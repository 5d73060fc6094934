/**
 * Diagnostics on the project configuration file (`.iampolicy.json`) itself: JSON syntax errors
 * and what configCheck finds (an unknown rule id, a misspelled severity or policy type, an
 * unknown key), each on the key or value it is about. The CLI reports the same problems.
 */
import { parseTree, findNodeAtLocation, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../../i18n';
import { RULES_BY_ID } from '../../rules/index';
import { checkProjectConfig } from '../../shared/configCheck';
import { PROJECT_CONFIG_FILE } from '../../shared/settings';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export function isProjectConfigUri(uri: string): boolean {
  return uri.endsWith(`/${PROJECT_CONFIG_FILE}`);
}

export function configFileDiagnostics(document: TextDocument, ruleIds: ReadonlySet<string> = new Set(RULES_BY_ID.keys())): Diagnostic[] {
  const text = document.getText();
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number, length: number) => ({
    start: document.positionAt(offset),
    end: document.positionAt(offset + Math.max(length, 1)),
  });
  const diagnostics: Diagnostic[] = errors.map((e) => ({
    range: at(e.offset, e.length),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'config',
    message: t('config.invalidJson', { file: PROJECT_CONFIG_FILE, error: printParseErrorCode(e.error) }),
  }));
  if (!root || errors.length > 0) {
    return diagnostics;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return diagnostics;
  }
  for (const problem of checkProjectConfig(value, ruleIds)) {
    const node: Node | undefined = findNodeAtLocation(root, problem.path) ?? root;
    const target = problem.onKey && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
    diagnostics.push({
      range: at(target.offset, target.length),
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: t('config.entryIgnored', { problem: problem.message }),
    });
  }
  return diagnostics;
}
