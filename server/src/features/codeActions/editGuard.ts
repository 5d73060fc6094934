/**
 * Code actions on a policy written as a string (JSON in a YAML block, an escaped JSON string in a
 * JSON template or .tf.json) must not break the string: edits inside an escaped string are
 * dropped (their text would need escaping), and inside a verbatim block only one-line edits are
 * kept (new lines would leave the block's indentation).
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

export function keepSafeEdits(actions: CodeAction[], file: PolicyFile, document: TextDocument): CodeAction[] {
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
