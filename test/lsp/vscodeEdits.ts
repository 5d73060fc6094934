/**
 * Applies a WorkspaceEdit to one document the way VS Code does: a SnippetTextEdit's text gets the
 * leading whitespace of the line it starts on added to each following line (SnippetSession's
 * whitespace adjustment), and its tab stops are left at their defaults.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Snippet text with tab stops and placeholders replaced by their defaults, escapes undone. */
export function snippetDefaults(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && '\\$}'.includes(text[i + 1] ?? '')) {
      out += text[++i];
    } else if (ch === '$' && text[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '\\') {
          j++;
        } else if (text[j] === '{') {
          depth++;
        } else if (text[j] === '}' && --depth === 0) {
          break;
        }
      }
      const inner = text.slice(i + 2, j);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      out += choice ? choice[1] : placeholder ? snippetDefaults(placeholder[1]) : '';
      i = j;
    } else if (ch === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) {
        i++;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

/** VS Code's adjustment: every line after the first gets the start line's leading whitespace. */
export function vscodeSnippetText(document: TextDocument, edit: { range: TextEdit['range']; snippet: { value: string } }): string {
  const lineText = document.getText({ start: { line: edit.range.start.line, character: 0 }, end: edit.range.start });
  const indent = /^[ \t]*/.exec(lineText)![0];
  return snippetDefaults(
    edit.snippet.value
      .split(/\r\n|\r|\n/)
      .join(`\n${indent}`)
      .replace(/\n/g, document.getText().includes('\r\n') ? '\r\n' : '\n'),
  );
}

export function applyAsVSCode(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const document = TextDocument.create(uri, 'json', 1, text);
  const edits: TextEdit[] = [];
  for (const e of edit?.changes?.[uri] ?? []) {
    edits.push(e);
  }
  for (const change of edit?.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) {
      continue;
    }
    for (const e of change.edits as (TextEdit | { range: TextEdit['range']; snippet: { value: string } })[]) {
      edits.push('snippet' in e ? { range: e.range, newText: vscodeSnippetText(document, e) } : e);
    }
  }
  return TextDocument.applyEdits(document, edits);
}
