/**
 * Test helpers shared by unit tests: the real catalog (loaded once), caret fixtures (`|` marks the
 * cursor) and range fixtures (`⟦…⟧` marks an expected range), and applying text edits.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { IamCatalog } from '../catalog/catalog';
import { loadCatalog } from '../node/loadCatalog';
import { parseJson } from '../syntax/parseJson';
import { parsePolicy, type ParsePolicyOptions } from '../policy/parsePolicy';
import type { PolicyDocument } from '../policy/model';

let catalog: IamCatalog | undefined;

export function testCatalog(): IamCatalog {
  catalog ??= loadCatalog();
  return catalog;
}

/** Removes the `|` caret and returns its offset. */
export function caret(textWithCaret: string): { text: string; offset: number } {
  const offset = textWithCaret.indexOf('|');
  if (offset < 0) {
    throw new Error('fixture has no | caret');
  }
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), offset };
}

/** Removes `⟦` and `⟧` markers and returns the marked ranges as offsets. */
export function ranges(marked: string): { text: string; ranges: { offset: number; length: number }[] } {
  const out: { offset: number; length: number }[] = [];
  let text = '';
  const starts: number[] = [];
  for (const ch of marked) {
    if (ch === '⟦') {
      starts.push(text.length);
    } else if (ch === '⟧') {
      const start = starts.pop();
      if (start === undefined) {
        throw new Error('unbalanced ⟧');
      }
      out.push({ offset: start, length: text.length - start });
    } else {
      text += ch;
    }
  }
  out.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return { text, ranges: out };
}

export function textDocument(text: string, uri = 'file:///test/policy.json', languageId = 'json'): TextDocument {
  return TextDocument.create(uri, languageId, 1, text);
}

export function policyOf(text: string, options: ParsePolicyOptions = {}): PolicyDocument {
  return parsePolicy(parseJson(text), options);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = textDocument(text);
  return TextDocument.applyEdits(doc, edits);
}

/** Wraps statements into a policy document. */
export function policyText(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
