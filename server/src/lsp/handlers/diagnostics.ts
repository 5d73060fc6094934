/**
 * Diagnostics over the protocol: pull (textDocument/diagnostic) when the client supports it,
 * otherwise pushed after a short debounce. Validation yields between rules and stops when the
 * text changes, so completion and hover never wait for a large document. Other sources (Access
 * Analyzer) add their diagnostics through `contributors`.
 */
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { configFileDiagnostics, isProjectConfigUri } from '../../features/diagnostics/configFile';
import { getDiagnosticsAsync } from '../../features/diagnostics/diagnostics';
import { formatError } from '../runSafe';
import type { FeatureRegistration, ServerState } from '../server';

/** Extra diagnostics for a document version (for example Access Analyzer's findings). */
export type DiagnosticContributor = (uri: string, version: number) => Diagnostic[];

import { ignoredRules } from '../../features/diagnostics/ignore';

const PUSH_DEBOUNCE_MS = 200;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));


/** Local diagnostics of the current version; undefined when the text changed meanwhile. */
export async function computeLocalDiagnostics(state: ServerState, uri: string, isCancelled: () => boolean = () => false): Promise<Diagnostic[] | undefined> {
  const open = state.documents.get(uri);
  if (open && isProjectConfigUri(uri)) {
    // .iampolicy.json: an unknown rule id or a misspelled severity is shown where it is
    return configFileDiagnostics(open);
  }
  const found = await state.fileFor(uri);
  if (!found || !found.file.isPolicy || !found.settings.validate.enable) {
    return [];
  }
  const { document, file, settings } = found;
  const version = document.version;
  return getDiagnosticsAsync(file, state.catalog(), document, {
    severities: settings.rules,
    ignored: ignoredRules(uri, settings.ignore),
    now: state.runtime.now?.() ?? new Date(),
    docsUrl: state.runtime.docsUrl,
    onRuleFailure: (ruleId, error) => state.logger.error(formatError(`rule ${ruleId} failed`, error)),
    pause,
    isCancelled: () => isCancelled() || state.documents.get(uri)?.version !== version,
  });
}

export const registerDiagnostics: FeatureRegistration = (state, capabilities) => {
  const { connection, documents } = state;
  const pull = !!state.clientCapabilities.textDocument?.diagnostic;

  const collect = async (uri: string, isCancelled?: () => boolean): Promise<Diagnostic[] | undefined> => {
    const local = await computeLocalDiagnostics(state, uri, isCancelled);
    const version = documents.get(uri)?.version;
    if (!local || version === undefined) {
      return undefined;
    }
    const extra = state.diagnosticContributors.flatMap((contribute) => contribute(uri, version));
    return [...local, ...extra];
  };

  if (pull) {
    capabilities.diagnosticProvider = { identifier: 'iam-policy', interFileDependencies: false, workspaceDiagnostics: false };
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      try {
        const items = await collect(params.textDocument.uri, () => token.isCancellationRequested);
        return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
      } catch (err) {
        state.logger.error(formatError('diagnostics failed', err));
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
    });
    state.refreshDiagnostics = () => {
      if (state.clientCapabilities.workspace?.diagnostics?.refreshSupport) {
        void connection.languages.diagnostics.refresh();
      }
    };
    return;
  }

  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (uri: string, delay = PUSH_DEBOUNCE_MS) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const version = documents.get(uri)?.version;
        void collect(uri)
          .then((items) => {
            // a newer version is on its way: its own run will publish
            if (items && documents.get(uri)?.version === version) {
              return connection.sendDiagnostics({ uri, version, diagnostics: items });
            }
            return undefined;
          })
          .catch((err: unknown) => state.logger.error(formatError('diagnostics failed', err)));
      }, delay),
    );
  };
  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  state.refreshDiagnostics = (uri) => {
    for (const document of uri ? [documents.get(uri)].filter((d) => !!d) : documents.all()) {
      schedule(document!.uri, 0);
    }
  };
};
