/** textDocument/codeLens: the access summary line above each statement (setting iamPolicy.codeLens.enable). */
import { getCodeLenses } from '../../features/codeLens/codeLens';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerCodeLens: FeatureRegistration = (state, capabilities) => {
  capabilities.codeLensProvider = { resolveProvider: false };
  state.connection.onCodeLens((params, token) =>
    runSafeAsync(state.logger, 'code lens', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found?.file.isPolicy || !found.settings.codeLens.enable) {
        return [];
      }
      return getCodeLenses(state.catalog(), found.file, found.document, state.runtime.now?.() ?? new Date());
    }),
  );
  // lenses follow settings (codeLens.enable) and policy-type changes
  const refresh = () => {
    if (state.clientCapabilities.workspace?.codeLens?.refreshSupport) {
      void state.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
  };
  state.settingsListeners.push(refresh);
};
