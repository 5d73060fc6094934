/**
 * textDocument/codeLens: the access summary line above each statement (setting
 * iamPolicy.codeLens.enable). A lens runs the client's summary view when the client announced
 * that command (InitializationOptions.clientCommands); otherwise a command the server executes
 * (the statement's whole summary as a message), so no client ever gets a dead lens.
 */
import { t } from '../../i18n';
import { MessageType } from 'vscode-languageserver';
import { DESCRIBE_STATEMENT_COMMAND, SHOW_SUMMARY_COMMAND, describeStatement, getCodeLenses } from '../../features/codeLens/codeLens';
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
      const lenses = getCodeLenses(
        state.catalog(),
        found.file,
        found.document,
        state.runtime.now?.() ?? new Date(),
        state.clientCommands.has(SHOW_SUMMARY_COMMAND),
      );
      for (const contribute of state.codeLensContributors) {
        lenses.push(...(await contribute(params.textDocument.uri)));
      }
      return lenses;
    }),
  );
  state.commands.set(DESCRIBE_STATEMENT_COMMAND, async (params) => {
    const [uri, line] = params.arguments ?? [];
    const found = typeof uri === 'string' ? await state.fileFor(uri) : undefined;
    const text =
      found && typeof line === 'number'
        ? describeStatement(state.catalog(), found.file, found.document, line, state.runtime.now?.() ?? new Date())
        : undefined;
    if (!text) {
      return { error: t('codeLens.describeNeedsArgs', { command: DESCRIBE_STATEMENT_COMMAND }) };
    }
    void state.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: text });
    return { message: text };
  });
  // lenses follow settings (codeLens.enable) and policy-type changes
  const refresh = () => {
    if (state.clientCapabilities.workspace?.codeLens?.refreshSupport) {
      void state.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
  };
  state.settingsListeners.push(refresh);
};
