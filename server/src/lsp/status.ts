/** The document's status for the client's status bar: is it a policy, of which type, and Access Analyzer's state. */
import { NotificationType } from 'vscode-languageserver';
import type { PolicyFile } from '../policy/policyFile';
import { StatusNotificationMethod, type DocumentInfoResult, type StatusParams } from '../shared/protocol';
import { t } from '../i18n';
import { formatError } from './runSafe';
import type { ServerState } from './state';

const StatusNotification = new NotificationType<StatusParams>(StatusNotificationMethod);

export function documentInfo(file: PolicyFile | undefined): DocumentInfoResult {
  if (!file?.isPolicy) {
    return { isPolicy: false, policies: 0 };
  }
  const first = file.policies[0]?.policy;
  const result: DocumentInfoResult = { isPolicy: true, policies: file.policies.length };
  if (first) {
    result.policyType = first.policyType;
    result.policyTypeSource = first.policyTypeSource;
  }
  return result;
}

/** Sends the document's policy type (for the status bar); the Access Analyzer part is filled by its module. */
export async function sendStatus(
  state: ServerState,
  uri: string,
  accessAnalyzer: StatusParams['accessAnalyzer'] = state.accessAnalyzerStatus?.(uri) ?? { state: 'off' },
): Promise<void> {
  try {
    const found = await state.fileFor(uri);
    if (!found) {
      return;
    }
    const info = documentInfo(found.file);
    const params: StatusParams = { uri, isPolicy: info.isPolicy, accessAnalyzer };
    if (info.policyType) {
      params.policyType = info.policyType;
    }
    if (info.policyTypeSource) {
      params.policyTypeSource = info.policyTypeSource;
    }
    await state.connection.sendNotification(StatusNotification, params);
  } catch (err) {
    state.logger.error(formatError(t('log.statusFailed'), err));
  }
}
