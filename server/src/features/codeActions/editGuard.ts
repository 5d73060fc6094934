/**
 * Code actions on a policy written as a string (JSON in a YAML block, an escaped JSON string in a
 * JSON template or .tf.json) must not break the string: edits inside an escaped string are
 * dropped (their text would need escaping), and inside a verbatim block only one-line edits are
 * kept (new lines would leave the block's indentation). In code (CDK), the policy is not JSON text:
 * only a comment line (a suppression) and the replacement of one string literal by another are
 * kept, the new literal written with the old one's quote.
 */
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyFile } from '../../policy/policyFile';

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(action.edit?.changes?.[uri] ?? [])];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('edits' in change && change.textDocument.uri === uri) {
      out.push(...(change.edits as TextEdit[]));
    }
  }
  return out;
}

/** A JSON string literal with nothing to escape differently in JavaScript or Python. */
const PLAIN_JSON_STRING = /^"[^"\\\n]*"$/;

/** The edit as code allows it (a literal for a literal, in the old literal's quote), or undefined. */
function codeEdit(edit: TextEdit, document: TextDocument): TextEdit | undefined {
  const old = document.getText(edit.range);
  if (old === '' && /^[ \t]*(\/\/|#)[^\n]*\n$/.test(edit.newText)) {
    return edit; // a suppression comment on its own line
  }
  const quote = old[0];
  if (
    (quote === "'" || quote === '"') &&
    old.length >= 2 &&
    old.endsWith(quote) &&
    !old.includes('\n') &&
    PLAIN_JSON_STRING.test(edit.newText)
  ) {
    const body = edit.newText.slice(1, -1);
    return body.includes(quote) ? undefined : { range: edit.range, newText: `${quote}${body}${quote}` };
  }
  return undefined;
}

function inCode(actions: CodeAction[], file: PolicyFile, document: TextDocument): CodeAction[] {
  const code = file.policies.filter((p) => p.policy.container.kind === 'cdk');
  if (code.length === 0) {
    return actions;
  }
  const out: CodeAction[] = [];
  for (const action of actions) {
    const edit = action.edit;
    if (!edit) {
      out.push(action);
      continue;
    }
    // every edit of this document must be one code allows; edits elsewhere (a config file) stay
    const map = (edits: TextEdit[]) => {
      const mapped = edits.map((e) => codeEdit(e, document));
      return mapped.every((e): e is TextEdit => !!e) ? mapped : undefined;
    };
    let ok = true;
    const changes = edit.changes && {
      ...edit.changes,
      ...(edit.changes[document.uri] ? { [document.uri]: map(edit.changes[document.uri]) ?? ((ok = false), []) } : {}),
    };
    const documentChanges = edit.documentChanges?.map((change) => {
      if (!('edits' in change) || change.textDocument.uri !== document.uri) {
        return change;
      }
      const mapped = map(change.edits as TextEdit[]);
      if (!mapped) {
        ok = false;
      }
      return { ...change, edits: mapped ?? [] };
    });
    if (ok) {
      out.push({ ...action, edit: { ...edit, ...(changes ? { changes } : {}), ...(documentChanges ? { documentChanges } : {}) } });
    }
  }
  return out;
}

export function keepSafeEdits(actions: CodeAction[], file: PolicyFile, document: TextDocument): CodeAction[] {
  actions = inCode(actions, file, document);
  const inString = file.policies.filter((p) => p.policy.container.stringEncoding);
  if (inString.length === 0) {
    return actions;
  }
  return actions.filter((action) =>
    editsOf(action, document.uri).every((edit) => {
      const start = document.offsetAt(edit.range.start);
      const end = document.offsetAt(edit.range.end);
      const holder = inString.find((p) => end >= p.offset && start <= p.offset + p.length);
      if (!holder) {
        return true;
      }
      return (
        holder.policy.container.stringEncoding === 'verbatim' &&
        !edit.newText.includes('\n') &&
        !document.getText(edit.range).includes('\n')
      );
    }),
  );
}
