/** textDocument/codeAction: quick-fixes, refactors and fix-all, computed from the current text. */
import { CodeActionKind } from 'vscode-languageserver';
import { FIX_ALL_KIND, getCodeActions } from '../../features/codeActions/codeActions';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';
import { computeLocalDiagnostics } from './diagnostics';
import { keepSafeEdits } from '../../features/codeActions/editGuard';

const COMMENT_PREFIX: Record<string, string> = {
  jsonc: '//',
  yaml: '#',
  terraform: '#',
  typescript: '//',
  javascript: '//',
  typescriptreact: '//',
  javascriptreact: '//',
  python: '#',
};

export const registerCodeActions: FeatureRegistration = (state, capabilities) => {
  capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] };
  const workspaceEdit = state.clientCapabilities.workspace?.workspaceEdit;
  const snippetEdits =
    !!workspaceEdit?.documentChanges && !!(workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport;

  state.connection.onCodeAction((params, token) =>
    runSafeAsync(state.logger, 'code actions', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found?.file.isPolicy) {
        return [];
      }
      const only = params.context.only;
      // fix-all needs every diagnostic of the document, not only those the client sent for the range
      const fixAll = !!only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`) || o === CodeActionKind.Source);
      const all = fixAll ? await computeLocalDiagnostics(state, params.textDocument.uri, () => token.isCancellationRequested) : undefined;
      const prefix = COMMENT_PREFIX[found.document.languageId];
      const actions = getCodeActions(
        {
          catalog: state.catalog(),
          document: found.document,
          file: found.file,
          snippetEdits,
          clientCommands: state.clientCommands,
          ...(prefix ? { commentPrefix: prefix } : {}),
        },
        params.range,
        params.context.diagnostics,
        only,
        all,
      );
      // policies written as JSON strings: never an edit that breaks the string
      return keepSafeEdits(actions, found.file, found.document);
    }),
  );
};
