/** What every code-action builder works with, and how a proposal becomes an LSP CodeAction. */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Command,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import type { PolicyDocument, Statement } from '../../policy/model';
import type { EmbeddedPolicy, PolicyFile } from '../../policy/policyFile';
import type { JsonNode } from '../../syntax/parseJson';
import { detectStyle, unsnippet, type OffsetEdit, type Style } from '../../edits/textEdits';

export interface CodeActionContext {
  catalog: IamCatalog;
  document: TextDocument;
  file: PolicyFile;
  /** the client applies snippet edits (tab stops) in workspace edits */
  snippetEdits?: boolean;
  /** the line-comment prefix when the file can hold a suppression comment (`//` in JSONC, `#` in YAML) */
  commentPrefix?: string;
  /** the client-side commands the client implements (initialization option); undefined: all of ours */
  clientCommands?: ReadonlySet<string>;
}

/** A code action before it is turned into LSP: offset edits, or a command. */
export interface Proposal {
  title: string;
  kind: string;
  edits?: OffsetEdit[];
  command?: Command;
  diagnostic?: Diagnostic;
  isPreferred?: boolean;
  /** does not widen or change access: eligible for source.fixAll */
  safe?: boolean;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.iamPolicy`;

/** Shared per-request state: the text, its style and the policy at a place. */
export class EditSession {
  readonly text: string;
  readonly style: Style;

  constructor(readonly ctx: CodeActionContext) {
    this.text = ctx.document.getText();
    this.style = detectStyle(this.text);
  }

  get catalog(): IamCatalog {
    return this.ctx.catalog;
  }

  /** The policy containing the offset. */
  policyAt(offset: number): EmbeddedPolicy | undefined {
    return this.ctx.file.policies.find((p) => offset >= p.offset && offset <= p.offset + p.length);
  }

  /** The statement containing the offset. */
  statementAt(offset: number): { policy: PolicyDocument; statement: Statement } | undefined {
    const embedded = this.policyAt(offset);
    const statement = embedded?.policy.statements.find((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length);
    return embedded && statement ? { policy: embedded.policy, statement } : undefined;
  }

  /** The innermost string node (value or key) that starts at the offset. */
  stringAt(offset: number): JsonNode | undefined {
    const root = this.ctx.file.tree.root;
    let found: JsonNode | undefined;
    const visit = (node: JsonNode) => {
      if (offset < node.offset || offset > node.offset + node.length) {
        return;
      }
      if (node.type === 'string' && node.offset === offset) {
        found = node;
      }
      node.children?.forEach(visit);
    };
    if (root) {
      visit(root);
    }
    return found;
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.ctx.document.offsetAt(position);
  }
}

/** Does snippet text hold a tab stop or placeholder (`$1`, `${1:x}`), as opposed to only escaped literal text? */
export function hasTabStop(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '$' && /[\d{]/.test(text[i + 1] ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * Snippet text as VS Code must receive it: VS Code prefixes every line after the first with the
 * leading whitespace of the line the edit starts on, so lines are sent relative to that indentation.
 * Undefined when a line is indented less than that (it cannot be expressed; send plain text).
 */
export function relativeSnippet(document: TextDocument, offset: number, text: string): string | undefined {
  const line = document.positionAt(offset).line;
  const lineText = document.getText({ start: { line, character: 0 }, end: document.positionAt(offset) });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const lines = text.split(/(\r\n|\r|\n)/);
  let out = lines[0];
  for (let i = 1; i < lines.length; i += 2) {
    const eol = lines[i];
    const content = lines[i + 1];
    if (content.startsWith(indent)) {
      out += eol + content.slice(indent.length);
    } else if (/^[ \t]*$/.test(content)) {
      out += eol;
    } else {
      return undefined;
    }
  }
  return out;
}

function toLspEdit(document: TextDocument, e: OffsetEdit, snippets: boolean): TextEdit | SnippetTextEdit {
  const range = { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) };
  if (e.snippet && snippets && hasTabStop(e.text)) {
    const value = relativeSnippet(document, e.offset, e.text);
    if (value !== undefined) {
      return { range, snippet: { kind: 'snippet', value } };
    }
  }
  return { range, newText: e.snippet ? unsnippet(e.text) : e.text };
}

export function workspaceEdit(ctx: CodeActionContext, edits: OffsetEdit[]): WorkspaceEdit {
  const { document } = ctx;
  // a snippet edit with more than one place to type confuses editors: only single edits keep tab
  // stops; an edit without a tab stop goes as plain text (VS Code would re-indent it). Beside another
  // edit (even a plain one), VS Code 1.139 re-indents only the snippet's lines after its first tab
  // stop (seen in the e2e: the moved iam:PassRole statement landed at column 0): plain text then.
  const snippets = !!ctx.snippetEdits && edits.length === 1 && edits.filter((e) => e.snippet && hasTabStop(e.text)).length === 1;
  const lspEdits = edits.map((e) => toLspEdit(document, e, snippets));
  if (lspEdits.some((e) => 'snippet' in e)) {
    return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, lspEdits)] };
  }
  return { changes: { [document.uri]: lspEdits as TextEdit[] } };
}

export function toCodeAction(ctx: CodeActionContext, p: Proposal): CodeAction {
  const action: CodeAction = { title: p.title, kind: p.kind };
  if (p.diagnostic) {
    action.diagnostics = [p.diagnostic];
  }
  if (p.isPreferred) {
    action.isPreferred = true;
  }
  if (p.edits) {
    action.edit = workspaceEdit(ctx, p.edits);
  }
  if (p.command) {
    action.command = p.command;
  }
  return action;
}
