/** The custom requests for the client's status bar and summary view: iamPolicy/documentInfo and iamPolicy/policySummary. */
import { RequestType } from 'vscode-languageserver';
import { buildPolicySummary } from '../../features/summary/policySummary';
import {
  DocumentInfoRequestMethod,
  PolicySummaryRequestMethod,
  type DocumentInfoParams,
  type DocumentInfoResult,
  type PolicySummaryParams,
  type PolicySummaryResult,
} from '../../shared/protocol';
import { runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';
import { documentInfo } from '../status';

const DocumentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfoResult, void>(DocumentInfoRequestMethod);
const PolicySummaryRequest = new RequestType<PolicySummaryParams, PolicySummaryResult, void>(PolicySummaryRequestMethod);

export const registerDocumentInfo: FeatureRegistration = (state) => {
  state.connection.onRequest(DocumentInfoRequest, (params, token) =>
    runSafeAsync(state.logger, 'documentInfo', token, { isPolicy: false, policies: 0 }, async () => {
      const found = await state.fileFor(params.uri);
      return documentInfo(found?.file);
    }),
  );

  state.connection.onRequest(PolicySummaryRequest, (params, token) =>
    runSafeAsync(state.logger, 'policySummary', token, { isPolicy: false, title: '', rows: [] }, async () => {
      const found = await state.fileFor(params.uri);
      if (!found?.file.isPolicy) {
        return { isPolicy: false, title: '', rows: [] };
      }
      return buildPolicySummary(state.catalog(), found.file, state.runtime.now?.() ?? new Date());
    }),
  );
};
