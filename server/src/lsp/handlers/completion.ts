/** textDocument/completion and completionItem/resolve. */
import { getCompletions } from '../../features/completion/completion';
import { resolveCompletion } from '../../features/completion/resolve';
import { getManagedPolicyCompletions } from '../../features/completion/managedPolicyCompletion';
import { policyAt } from '../../policy/policyFile';
import { runSafe, runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerCompletion: FeatureRegistration = (state, capabilities) => {
  capabilities.completionProvider = { triggerCharacters: ['"', ':', '*', '$'], resolveProvider: true };
  state.connection.onCompletion((params, token) =>
    runSafeAsync(state.logger, 'completion', token, null, async () => {
      const found = await state.fileFor(params.textDocument.uri);
      // an empty JSON document may become a policy: it gets the whole-policy templates
      const emptyJson =
        !!found && found.file.text.trim() === '' && (found.document.languageId === 'json' || found.document.languageId === 'jsonc');
      if (!found || (!found.file.isPolicy && !emptyJson)) {
        return null;
      }
      const offset = found.document.offsetAt(params.position);
      const managed = getManagedPolicyCompletions(found.file, state.catalog(), found.document, offset);
      if (managed) {
        return managed;
      }
      const embedded = policyAt(found.file, offset);
      if (!embedded && found.file.text.trim() !== '') {
        return null;
      }
      return getCompletions(
        {
          catalog: state.catalog(),
          document: found.document,
          policy: embedded?.policy,
          basePath: embedded?.basePath ?? [],
          templates: state.templates(),
        },
        offset,
      );
    }),
  );

  state.connection.onCompletionResolve((item) => {
    const result = runSafe(state.logger, 'completion resolve', undefined, item, () => resolveCompletion(state.catalog(), item));
    return result instanceof Error ? item : result;
  });
};
