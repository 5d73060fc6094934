/**
 * The outline and breadcrumbs: each policy's Version and Statement, each statement by its Sid (or
 * its number) with its effect and what it lists, and the statement's elements under it.
 */
import { t } from '../../i18n';
import { DocumentSymbol, SymbolKind, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument, PolicyElement, Statement } from '../../policy/model';
import type { PolicyFile } from '../../policy/policyFile';
import type { JsonNode } from '../../syntax/parseJson';

/** Statements beyond this many are left out of the outline (a generated policy of thousands). */
const MAX_STATEMENTS = 2000;

function rangeOf(document: TextDocument, node: { offset: number; length: number }): Range {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}

function valueText(node: JsonNode | undefined, text: string): string {
  if (!node) {
    return '';
  }
  if (node.type === 'array') {
    return `${node.children?.length ?? 0} item${node.children?.length === 1 ? '' : 's'}`;
  }
  if (node.type === 'object') {
    return '';
  }
  const raw = text.slice(node.offset, node.offset + node.length);
  return raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
}

function elementSymbol(document: TextDocument, text: string, e: PolicyElement, children?: DocumentSymbol[]): DocumentSymbol {
  const kind = e.valueNode?.type === 'array' ? SymbolKind.Array : e.valueNode?.type === 'object' ? SymbolKind.Object : SymbolKind.Property;
  return DocumentSymbol.create(
    e.name || '""',
    valueText(e.valueNode, text),
    kind,
    rangeOf(document, e.propertyNode),
    rangeOf(document, e.keyNode),
    children,
  );
}

function statementName(s: Statement, position: number): string {
  return s.sid?.value ? s.sid.value : t('codeLens.statementIndex', { index: position + 1 });
}

function statementDetail(s: Statement): string {
  const parts = [s.effect?.value ?? t('symbols.noEffect')];
  const actions = s.action ?? s.notAction;
  if (actions) {
    const names = actions.values.map((v) => v.value);
    parts.push(
      `${s.notAction && !s.action ? 'NotAction ' : ''}${names.length <= 2 ? names.join(', ') : `${names[0]} +${names.length - 1}`}`,
    );
  }
  return parts.join(' · ');
}

function statementSymbol(document: TextDocument, text: string, s: Statement, position: number): DocumentSymbol {
  const range = rangeOf(document, s.node);
  const selection = s.sid ? rangeOf(document, s.sid.node) : { start: range.start, end: range.start };
  const children = s.elements.map((e) => elementSymbol(document, text, e));
  return DocumentSymbol.create(statementName(s, position), statementDetail(s), SymbolKind.Object, range, selection, children);
}

function policySymbols(document: TextDocument, text: string, policy: PolicyDocument): DocumentSymbol[] {
  return policy.elements.map((e) => {
    if (e === policy.statementElement) {
      const statements = policy.statements.slice(0, MAX_STATEMENTS).map((s, i) => statementSymbol(document, text, s, i));
      // a single statement object: its elements directly
      if (e.valueNode?.type === 'object' && statements.length === 1) {
        return elementSymbol(document, text, e, statements[0].children);
      }
      return elementSymbol(document, text, e, statements);
    }
    return elementSymbol(document, text, e);
  });
}

export function getDocumentSymbols(file: PolicyFile, document: TextDocument): DocumentSymbol[] {
  const text = document.getText();
  const out: DocumentSymbol[] = [];
  for (const embedded of file.policies) {
    const symbols = policySymbols(document, text, embedded.policy);
    if (embedded.basePath.length === 0) {
      out.push(...symbols);
      continue;
    }
    // a policy inside a template: one symbol for it, named by where it is kept
    const range = rangeOf(document, { offset: embedded.offset, length: embedded.length });
    const name = embedded.policy.container.description ?? t('symbols.policy');
    out.push(
      DocumentSymbol.create(
        name,
        `${embedded.policy.statements.length} statement${embedded.policy.statements.length === 1 ? '' : 's'}`,
        SymbolKind.Namespace,
        range,
        { start: range.start, end: range.start },
        symbols,
      ),
    );
  }
  return out;
}
