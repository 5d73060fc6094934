/**
 * Access Analyzer in the protocol: its findings join the document's diagnostics, its state goes
 * out in iamPolicy/status, and workspace/executeCommand runs ValidatePolicy and the billed
 * custom checks on demand. Nothing is sent unless the user enabled it in a trusted workspace.
 */
import { t } from '../../i18n';
import { type ExecuteCommandParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getNodeValue } from 'jsonc-parser';
import { VALIDATE_RESOURCE_TYPES } from '../../accessAnalyzer/request';
import { AccessAnalyzerService, type AccessAnalyzerStatus } from '../../accessAnalyzer/service';
import type { CheckResult } from '../../accessAnalyzer/model';
import { Commands } from '../../shared/protocol';
import { formatError } from '../runSafe';
import type { FeatureRegistration } from '../state';
import { sendStatus } from '../status';

export interface CheckArguments {
  uri: string;
  /** CheckNoNewAccess: the policy to compare with (for example the file at git HEAD) */
  existingPolicyDocument?: string;
  /** CheckAccessNotGranted: defaults to iamPolicy.accessAnalyzer.accessNotGranted */
  actions?: string[];
  resources?: string[];
  /** CheckNoPublicAccess: AWS::S3::Bucket, AWS::KMS::Key, ... */
  resourceType?: string;
}

function argumentsOf(params: ExecuteCommandParams): CheckArguments | undefined {
  const first = params.arguments?.[0];
  if (typeof first === 'string') {
    return { uri: first };
  }
  if (typeof first === 'object' && first !== null && typeof (first as CheckArguments).uri === 'string') {
    return first as CheckArguments;
  }
  return undefined;
}

export const registerAccessAnalyzer: FeatureRegistration = (state) => {
  const factory = state.runtime.accessAnalyzerApi;
  const service = new AccessAnalyzerService({
    createApi: (config) => {
      if (!factory) {
        throw new Error(t('aa.unavailable'));
      }
      return factory(config);
    },
    isTrusted: () => state.trusted,
    displayLanguage: () => state.displayLanguage,
    onStatus: (uri, status) => void sendStatus(state, uri, status),
    onDiagnostics: (uri) => state.refreshDiagnostics(uri),
    log: (line) => state.logger.info(line),
    ...(state.runtime.accessAnalyzerTimeoutMs ? { timeoutMs: state.runtime.accessAnalyzerTimeoutMs } : {}),
    ...(state.runtime.accessAnalyzerMaxAttempts ? { maxAttempts: state.runtime.accessAnalyzerMaxAttempts } : {}),
  });
  state.accessAnalyzerStatus = (uri) => service.status(uri);
  state.diagnosticContributors.push((uri) => {
    const document = state.documents.get(uri);
    return document ? service.diagnostics(uri, document.getText()) : [];
  });

  const onEvent = async (document: TextDocument, event: 'open' | 'change' | 'save' | 'settings') => {
    try {
      const found = await state.fileFor(document.uri);
      if (found && found.document.version === document.version) {
        service.onEvent({ document: found.document, file: found.file, settings: found.settings.accessAnalyzer }, event);
      }
    } catch (err) {
      state.logger.error(formatError(t('log.accessAnalyzerFailed'), err));
    }
  };
  // TextDocuments reports an open as a content change too: only later versions are edits
  const openedVersion = new Map<string, number>();
  state.documents.onDidOpen((e) => {
    openedVersion.set(e.document.uri, e.document.version);
    void onEvent(e.document, 'open');
  });
  state.documents.onDidChangeContent((e) => {
    if (openedVersion.get(e.document.uri) !== e.document.version) {
      // cancel at once: a request for the old text must not outlive it
      service.cancel(e.document.uri);
      void onEvent(e.document, 'change');
    }
  });
  state.documents.onDidSave((e) => void onEvent(e.document, 'save'));
  state.documents.onDidClose((e) => {
    openedVersion.delete(e.document.uri);
    service.forget(e.document.uri);
  });
  state.settingsListeners.push(() => {
    for (const document of state.documents.all()) {
      void onEvent(document, 'settings');
    }
  });
  state.disposables.push(() => service.dispose());

  const execute = async (params: ExecuteCommandParams): Promise<AccessAnalyzerStatus | CheckResult | { error: string }> => {
    const args = argumentsOf(params);
    if (!args) {
      return { error: t('aa.needsUri', { command: params.command }) };
    }
    const found = await state.fileFor(args.uri);
    if (!found) {
      return { error: t('aa.notOpen', { uri: args.uri }) };
    }
    const settings = found.settings.accessAnalyzer;
    if (params.command === Commands.validateWithAccessAnalyzer) {
      if (!settings.enable) {
        return { state: 'off', message: t('aa.off') };
      }
      return service.validate({ document: found.document, file: found.file, settings });
    }
    // the billed checks send the policy too: the same gate, before any argument is looked at
    if (!settings.enable) {
      return { error: t('aa.offCustom') };
    }
    if (!state.trusted) {
      return { error: t('aa.untrustedOff') };
    }
    const embedded = found.file.policies[0];
    if (!found.file.isPolicy || !embedded) {
      return { error: t('aa.docNotPolicy') };
    }
    const policyDocument = JSON.stringify(embedded.policy.root ? getNodeValue(embedded.policy.root) : {}, null, 2);
    const policyType = embedded.policy.policyType === 'identity' ? 'IDENTITY_POLICY' : 'RESOURCE_POLICY';
    try {
      switch (params.command) {
        case Commands.checkNoNewAccess: {
          if (!args.existingPolicyDocument) {
            return { error: t('aa.needsExisting') };
          }
          const existing = args.existingPolicyDocument;
          return await service.customCheck(args.uri, settings, (api, signal) =>
            api.checkNoNewAccess({ newPolicyDocument: policyDocument, existingPolicyDocument: existing, policyType }, signal),
          );
        }
        case Commands.checkAccessNotGranted: {
          const actions = args.actions ?? settings.accessNotGranted;
          const resources = args.resources ?? [];
          return await service.customCheck(args.uri, settings, (api, signal) =>
            api.checkAccessNotGranted({ policyDocument, policyType, actions, resources }, signal),
          );
        }
        case Commands.checkNoPublicAccess: {
          const resourceType =
            args.resourceType ??
            (embedded.policy.policyType === 'trust' ? 'AWS::IAM::AssumeRolePolicyDocument' : VALIDATE_RESOURCE_TYPES[0]);
          return await service.customCheck(args.uri, settings, (api, signal) =>
            api.checkNoPublicAccess({ policyDocument, resourceType }, signal),
          );
        }
        default:
          return { error: t('aa.unknownCommand', { command: params.command }) };
      }
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  for (const command of [
    Commands.validateWithAccessAnalyzer,
    Commands.checkNoNewAccess,
    Commands.checkAccessNotGranted,
    Commands.checkNoPublicAccess,
  ]) {
    state.commands.set(command, execute);
  }
};
