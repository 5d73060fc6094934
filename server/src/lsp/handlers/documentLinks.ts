/** textDocument/documentLink: actions and condition keys link to the AWS Service Authorization Reference. */
import { getDocumentLinks } from '../../features/documentLinks/documentLinks';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerDocumentLinks: FeatureRegistration = (state, capabilities) => {
  capabilities.documentLinkProvider = { resolveProvider: false };
  state.connection.onDocumentLinks((params, token) =>
    runSafeAsync(state.logger, 'document links', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      return found?.file.isPolicy ? getDocumentLinks(state.catalog(), found.file, found.document) : [];
    }),
  );
};
