/** textDocument/hover. */
import { getHover } from '../../features/hover/hover';
import { getManagedPolicyHover } from '../../features/hover/managedPolicyHover';
import { policyAt } from '../../policy/policyFile';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';

export const registerHover: FeatureRegistration = (state, capabilities) => {
  capabilities.hoverProvider = true;
  state.connection.onHover((params, token) =>
    runSafeAsync(state.logger, 'hover', token, null, async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found || !found.file.isPolicy) {
        return null;
      }
      const offset = found.document.offsetAt(params.position);
      const managed = getManagedPolicyHover(found.file, state.catalog(), found.document, offset, state.runtime.now?.());
      if (managed) {
        return managed;
      }
      const embedded = policyAt(found.file, offset);
      if (!embedded) {
        return null;
      }
      return getHover(
        {
          catalog: state.catalog(),
          document: found.document,
          policy: embedded.policy,
          basePath: embedded.basePath,
          now: state.runtime.now?.(),
        },
        offset,
      );
    }),
  );
};
