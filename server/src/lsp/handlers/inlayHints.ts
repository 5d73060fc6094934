/** textDocument/inlayHint: each action's access level after it, when iamPolicy.inlayHints.accessLevel is on. */
import { getInlayHints } from '../../features/inlayHints/inlayHints';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerInlayHints: FeatureRegistration = (state, capabilities) => {
  capabilities.inlayHintProvider = { resolveProvider: false };
  state.connection.languages.inlayHint.on((params, token) =>
    runSafeAsync(state.logger, 'inlay hints', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found?.file.isPolicy || !found.settings.inlayHints.accessLevel) {
        return [];
      }
      return getInlayHints(state.catalog(), found.file, found.document, params.range);
    }),
  );
  // hints follow the setting
  state.settingsListeners.push(() => {
    if (state.clientCapabilities.workspace?.inlayHint?.refreshSupport) {
      void state.connection.languages.inlayHint.refresh().catch(() => undefined);
    }
  });
};
