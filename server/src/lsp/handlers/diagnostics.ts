/**
 * Diagnostics over the protocol: pull (textDocument/diagnostic) when the client supports it,
 * otherwise pushed after a short debounce. Validation yields between rules and stops when the
 * text changes, so completion and hover never wait for a large document. Other sources (Access
 * Analyzer) add their diagnostics through `contributors`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { configFileDiagnostics, isProjectConfigUri } from '../../features/diagnostics/configFile';
import { checkFailedDiagnostic, getDiagnosticsAsync } from '../../features/diagnostics/diagnostics';
import { t } from '../../i18n';
import { fileReferenceDiagnostics, type ReadRelative } from '../../features/diagnostics/fileReferences';
import type { PolicyFile } from '../../policy/policyFile';
import type { Settings } from '../../shared/settings';
import { formatError } from '../runSafe';
import { accessTestConfigDiagnostics } from './accessTests';
import type { FeatureRegistration, ServerState } from '../state';

import { ignoredRules } from '../../features/diagnostics/ignore';
import { StatementFindingsCache } from '../../features/diagnostics/statementCache';

const PUSH_DEBOUNCE_MS = 200;
/** Info and hint diagnostics shown per rule and file in the editor (the CLI lists all). */
export const MAX_HINTS_PER_RULE = 100;
/**
 * Work time the rules may spend on one version of a document. A huge document gets a "too large
 * to check fully" warning instead of keeping a core busy for a minute on every keystroke.
 * IAM_POLICY_CHECK_BUDGET_MS overrides it (tests, slow machines).
 */
const CHECK_BUDGET_MS = Number(process.env.IAM_POLICY_CHECK_BUDGET_MS) > 0 ? Number(process.env.IAM_POLICY_CHECK_BUDGET_MS) : 10_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Per server and document: the findings of unchanged statements, reused on the next check. */
const statementCaches = new WeakMap<ServerState, Map<string, StatementFindingsCache>>();

function statementCacheFor(state: ServerState, uri: string): StatementFindingsCache {
  let byUri = statementCaches.get(state);
  if (!byUri) {
    byUri = new Map();
    statementCaches.set(state, byUri);
    state.documents.onDidClose((e) => byUri?.delete(e.document.uri));
  }
  let cache = byUri.get(uri);
  if (!cache) {
    cache = new StatementFindingsCache();
    byUri.set(uri, cache);
  }
  return cache;
}

/** Local diagnostics of the current version; undefined when the text changed meanwhile. */
export async function computeLocalDiagnostics(
  state: ServerState,
  uri: string,
  isCancelled: () => boolean = () => false,
): Promise<Diagnostic[] | undefined> {
  const open = state.documents.get(uri);
  if (open && isProjectConfigUri(uri)) {
    // .iampolicy.json: an unknown rule id or a misspelled severity is shown where it is; failing access tests too
    return [...configFileDiagnostics(open), ...(await accessTestConfigDiagnostics(state, open))];
  }
  const found = await state.fileFor(uri);
  if (!found || !found.file.isPolicy || !found.settings.validate.enable) {
    return [];
  }
  const { document, file, settings } = found;
  const version = document.version;
  const local = await getDiagnosticsAsync(file, state.catalog(), document, {
    severities: settings.rules,
    ignored: ignoredRules(uri, settings.ignore),
    now: state.runtime.now?.() ?? new Date(),
    docsUrl: state.runtime.docsUrl,
    onRuleFailure: (ruleId, error) => state.logger.error(formatError(t('log.ruleFailed', { rule: ruleId }), error)),
    maxHintsPerRule: MAX_HINTS_PER_RULE,
    cache: statementCacheFor(state, uri),
    pause,
    budgetMs: CHECK_BUDGET_MS,
    isCancelled: () => isCancelled() || state.documents.get(uri)?.version !== version,
  });
  if (!local || !file.fileReferences || !state.runtime.readRelative) {
    return local;
  }
  return [...local, ...referencedFileDiagnostics(state, uri, document, file, settings)];
}

/** The .tf documents that read each file (by its URI), to re-check them when the file changes. */
const readersOf = new WeakMap<ServerState, Map<string, Set<string>>>();

/** Findings of the policy files a document references (Terraform file()/templatefile()), at the calls. */
function referencedFileDiagnostics(
  state: ServerState,
  uri: string,
  document: TextDocument,
  file: PolicyFile,
  settings: Settings,
): Diagnostic[] {
  let readers = readersOf.get(state);
  if (!readers) {
    readers = new Map();
    readersOf.set(state, readers);
  }
  const byFile = readers;
  const readRelative = state.runtime.readRelative!({
    roots: (fromUri) => {
      const folders = state.workspaceFolders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
      // a file opened without a folder: its own directory tree
      return folders.length > 0 ? folders : [path.dirname(fileURLToPath(fromUri))];
    },
    openText: (target) => state.documents.get(target)?.getText(),
  });
  const recording: ReadRelative = (fromUri, relative) => {
    const read = readRelative(fromUri, relative);
    if ('uri' in read) {
      const set = byFile.get(read.uri) ?? new Set<string>();
      set.add(uri);
      byFile.set(read.uri, set);
    }
    return read;
  };
  return fileReferenceDiagnostics(file, state.catalog(), document, recording, {
    severities: settings.rules,
    ignored: ignoredRules(uri, settings.ignore),
    now: state.runtime.now?.() ?? new Date(),
    docsUrl: state.runtime.docsUrl,
  });
}

/** The documents that read `uri` as a policy file (to re-check when it changes). */
function readersOfFile(state: ServerState, uri: string): string[] {
  return [...(readersOf.get(state)?.get(uri) ?? [])].filter((reader) => state.documents.get(reader));
}

export const registerDiagnostics: FeatureRegistration = (state, capabilities) => {
  const { connection, documents } = state;
  const pull = !!state.clientCapabilities.textDocument?.diagnostic;
  // a policy file a Terraform document reads changed in the editor: re-check the documents that read it
  documents.onDidChangeContent((e) => {
    for (const reader of readersOfFile(state, e.document.uri)) {
      state.refreshDiagnostics(reader);
    }
  });

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
    connection.languages.diagnostics.on(
      async (params, token): Promise<DocumentDiagnosticReport | ResponseError<{ retriggerRequest: boolean }>> => {
        const uri = params.textDocument.uri;
        try {
          const items = await collect(uri, () => token.isCancellationRequested);
          if (items) {
            return { kind: DocumentDiagnosticReportKind.Full, items };
          }
        } catch (err) {
          state.logger.error(formatError(t('log.diagnosticsFailed'), err));
          // fail closed: a visible error, never an empty list that reads as "no problems"
          const document = documents.get(uri);
          return { kind: DocumentDiagnosticReportKind.Full, items: document ? [checkFailedDiagnostic(document, err)] : [] };
        }
        // the text changed (or the client cancelled) while checking: the result would belong to
        // replaced text, so none is given; the client asks again for the new text
        // the client cancels a pull when it asks again (after a workspace/diagnostic/refresh, say): it
        // must pull again, since no answer was given (retriggerRequest false would leave the document
        // with no diagnostics at all until its next edit)
        if (token.isCancellationRequested) {
          return new ResponseError(LSPErrorCodes.RequestCancelled, t('lsp.requestCancelled'), { retriggerRequest: true });
        }
        return new ResponseError(LSPErrorCodes.ServerCancelled, t('lsp.documentChanged'), { retriggerRequest: true });
      },
    );
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
          .catch((err: unknown) => {
            state.logger.error(formatError(t('log.diagnosticsFailed'), err));
            const document = documents.get(uri);
            if (document && document.version === version) {
              void connection.sendDiagnostics({ uri, version, diagnostics: [checkFailedDiagnostic(document, err)] });
            }
          });
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
