/** textDocument/documentSymbol: statements by Sid and effect, for the outline and breadcrumbs. */
import { getDocumentSymbols } from '../../features/documentSymbols/documentSymbols';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerDocumentSymbols: FeatureRegistration = (state, capabilities) => {
  capabilities.documentSymbolProvider = { label: 'IAM policy' };
  state.connection.onDocumentSymbol((params, token) =>
    runSafeAsync(state.logger, 'document symbols', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      return found?.file.isPolicy ? getDocumentSymbols(found.file, found.document) : [];
    }),
  );
};
