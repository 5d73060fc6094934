/**
 * Layer 4: the protocol layer, the only code that sees a Connection. Handlers fetch the analysed
 * document and settings, call a feature (a pure function) and return its result. Every handler is
 * guarded by runSafe; settings are passed explicitly, never kept in module state.
 */
import {
  type CompletionItem,
  DidChangeConfigurationNotification,
  NotificationType,
  RequestType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind } from 'vscode-languageserver-types';
import type { IamCatalog } from '../catalog/catalog';
import { getCompletions, type CompletionData, type StatementTemplate } from '../features/completion/completion';
import { getHover, renderAction } from '../features/hover/hover';
import { buildPolicySummary } from '../features/summary/policySummary';
import { catalogFooter, code, link, md } from '../features/markdown';
import { explicitPolicyType } from '../policy/policyType';
import { analyzeFile, policyAt, type EmbeddedExtractor, type PolicyFile } from '../policy/policyFile';
import {
  DocumentInfoRequestMethod,
  PolicySummaryRequestMethod,
  StatusNotificationMethod,
  WorkspaceTrustedNotificationMethod,
  type DocumentInfoParams,
  type DocumentInfoResult,
  type InitializationOptions,
  type PolicySummaryParams,
  type PolicySummaryResult,
  type StatusParams,
} from '../shared/protocol';
import { mergeProjectConfig, type Settings } from '../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../util/glob';
import { DocumentCache } from './documentCache';
import { formatError, runSafe, runSafeAsync, type Logger } from './runSafe';
import { SettingsCache } from './settingsCache';
import type { DiagnosticContributor } from './handlers/diagnostics';
import type { AccessAnalyzerApiFactory } from '../accessAnalyzer/model';
import { pickLocale, setLocale } from '../i18n/locale';

/** What the server needs from its host, so tests and other hosts can provide their own. */
export interface ServerRuntime {
  /** loads the IAM catalog (synchronously; called once, lazily) */
  loadCatalog(): IamCatalog;
  /** statement and policy templates for completion */
  loadTemplates(): StatementTemplate[];
  /** finds policies embedded in templates (CloudFormation, Terraform) */
  embedded?: EmbeddedExtractor;
  /** the project's .iampolicy.json nearest to a document (settings override it) */
  projectConfig?: (uri: string) => unknown;
  /** a .iampolicy.json was created, changed or deleted */
  projectConfigChanged?: () => void;
  /** resolves when the extractor for a language is ready (undefined: ready now) */
  embeddedReady?: (languageId: string) => Promise<void> | undefined;
  now?: () => Date;
  /** server name and version for the initialize result */
  serverInfo: { name: string; version: string };
  /** link to a rule's documentation (Diagnostic.codeDescription.href) */
  docsUrl?: (ruleId: string) => string | undefined;
  /** creates the Access Analyzer client (loading the AWS SDK); absent: the remote check is unavailable */
  accessAnalyzerApi?: AccessAnalyzerApiFactory;
  /** Access Analyzer timeout per attempt and attempts, for tests */
  accessAnalyzerTimeoutMs?: number;
  accessAnalyzerMaxAttempts?: number;
}

export interface ServerState {
  connection: Connection;
  runtime: ServerRuntime;
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  cache: DocumentCache;
  logger: Logger;
  catalog(): IamCatalog;
  templates(): StatementTemplate[];
  /** false in an untrusted workspace */
  trusted: boolean;
  displayLanguage: string | undefined;
  clientCapabilities: InitializeParams['capabilities'];
  fileFor(uri: string): Promise<{ document: TextDocument; file: PolicyFile; settings: Settings } | undefined>;
  /** other diagnostic sources (Access Analyzer) add theirs here */
  diagnosticContributors: DiagnosticContributor[];
  /** called after settings or trust changed (settings are re-read lazily) */
  settingsListeners: (() => void)[];
  /** run on shutdown */
  disposables: (() => void)[];
  /** the Access Analyzer part of a document's status */
  accessAnalyzerStatus?: (uri: string) => StatusParams['accessAnalyzer'];
  /** asks the client for fresh diagnostics (pull) or re-publishes them (push) */
  refreshDiagnostics(uri?: string): void;
}

const DocumentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfoResult, void>(DocumentInfoRequestMethod);
const PolicySummaryRequest = new RequestType<PolicySummaryParams, PolicySummaryResult, void>(PolicySummaryRequestMethod);
const StatusNotification = new NotificationType<StatusParams>(StatusNotificationMethod);
const WorkspaceTrustedNotification = new NotificationType<void>(WorkspaceTrustedNotificationMethod);

/** Extra handlers (diagnostics, code actions, Access Analyzer...) register themselves here. */
export type FeatureRegistration = (state: ServerState, capabilities: InitializeResult['capabilities']) => void;

export function startServer(connection: Connection, runtime: ServerRuntime, registrations: FeatureRegistration[] = []): ServerState {
  const logger: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  // last resort: log, never die (a crash would take every open editor's features with it)
  process.on('uncaughtException', (err) => logger.error(formatError('Uncaught exception', err)));
  process.on('unhandledRejection', (err) => logger.error(formatError('Unhandled rejection', err)));

  const documents = new TextDocuments(TextDocument);
  let canPullConfiguration = false;
  let catalog: IamCatalog | undefined;
  let templates: StatementTemplate[] | undefined;

  const state: ServerState = {
    connection,
    runtime,
    documents,
    settings: new SettingsCache(connection, () => canPullConfiguration),
    cache: new DocumentCache(),
    logger,
    trusted: true,
    displayLanguage: undefined,
    clientCapabilities: {},
    diagnosticContributors: [],
    settingsListeners: [],
    disposables: [],
    refreshDiagnostics: () => undefined,
    catalog() {
      if (!catalog) {
        const start = Date.now();
        catalog = runtime.loadCatalog();
        logger.info(`IAM catalog loaded in ${Date.now() - start} ms: ${catalog.services.length} services, ${catalog.actions.length} actions (data of ${catalog.dataDate})`);
      }
      return catalog;
    },
    templates() {
      if (!templates) {
        try {
          templates = runtime.loadTemplates();
        } catch (err) {
          logger.error(formatError('Could not load policy templates', err));
          templates = [];
        }
      }
      return templates;
    },
    async fileFor(uri) {
      const document = documents.get(uri);
      if (!document) {
        return undefined;
      }
      const settings = mergeProjectConfig(runtime.projectConfig?.(uri), await state.settings.get(uri));
      await runtime.embeddedReady?.(document.languageId);
      const file = state.cache.get(document, state.settings.generation, () =>
        analyzeFile(document.getText(), {
          languageId: document.languageId,
          matchesPolicyGlob: matchesAnyGlob(uri, settings.files),
          explicitType: explicitPolicyType(settings, (glob) => matchesGlob(uri, glob)),
          ...(runtime.embedded ? { embedded: runtime.embedded } : {}),
        }),
      );
      return { document, file, settings };
    },
  };

  const extraRegistrations: FeatureRegistration[] = registrations;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.clientCapabilities = params.capabilities;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    state.trusted = options.isTrusted !== false;
    // the display language: the option the extension sends, else the LSP locale (VS Code's too)
    state.displayLanguage = options.displayLanguage ?? params.locale;
    setLocale(pickLocale(options.displayLanguage, params.locale));
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['"', ':', '*'], resolveProvider: true },
      hoverProvider: true,
    };
    for (const register of extraRegistrations) {
      register(state, capabilities);
    }
    return { capabilities, serverInfo: runtime.serverInfo };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration && state.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamPolicy' });
    }
    // load the catalog after answering initialize, so start-up stays fast
    setImmediate(() => {
      try {
        state.catalog();
      } catch (err) {
        logger.error(formatError('Could not load the IAM catalog', err));
      }
    });
  });

  connection.onDidChangeConfiguration((change) => {
    state.settings.changed(change.settings);
    state.cache.clear();
    state.refreshDiagnostics();
    for (const document of documents.all()) {
      void sendStatus(state, document.uri);
    }
    state.settingsListeners.forEach((listener) => listener());
  });

  // .iampolicy.json changed (the client watches it): re-read it for every document
  connection.onDidChangeWatchedFiles(() => {
    runtime.projectConfigChanged?.();
    state.settings.changed(undefined);
    state.cache.clear();
    state.refreshDiagnostics();
    state.settingsListeners.forEach((listener) => listener());
  });

  connection.onNotification(WorkspaceTrustedNotification, () => {
    state.trusted = true;
    state.settings.changed(undefined);
    state.settingsListeners.forEach((listener) => listener());
  });

  connection.onShutdown(() => {
    for (const dispose of state.disposables) {
      try {
        dispose();
      } catch (err) {
        logger.error(formatError('shutdown', err));
      }
    }
  });

  documents.onDidOpen((e) => void sendStatus(state, e.document.uri));
  documents.onDidClose((e) => {
    state.cache.delete(e.document.uri);
    state.settings.forget(e.document.uri);
  });

  connection.onCompletion((params, token) =>
    runSafeAsync(logger, 'completion', token, null, async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found || !found.file.isPolicy) {
        return null;
      }
      const offset = found.document.offsetAt(params.position);
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

  connection.onCompletionResolve((item) => {
    const result = runSafe(logger, 'completion resolve', undefined, item, () => resolveCompletion(state.catalog(), item));
    return result instanceof Error ? item : result;
  });

  connection.onHover((params, token) =>
    runSafeAsync(logger, 'hover', token, null, async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found || !found.file.isPolicy) {
        return null;
      }
      const offset = found.document.offsetAt(params.position);
      const embedded = policyAt(found.file, offset);
      if (!embedded) {
        return null;
      }
      return getHover({ catalog: state.catalog(), document: found.document, policy: embedded.policy, basePath: embedded.basePath, now: runtime.now?.() }, offset);
    }),
  );

  connection.onRequest(DocumentInfoRequest, (params, token) =>
    runSafeAsync(logger, 'documentInfo', token, { isPolicy: false, policies: 0 }, async () => {
      const found = await state.fileFor(params.uri);
      return documentInfo(found?.file);
    }),
  );

  connection.onRequest(PolicySummaryRequest, (params, token) =>
    runSafeAsync(logger, 'policySummary', token, { isPolicy: false, title: '', rows: [] }, async () => {
      const found = await state.fileFor(params.uri);
      if (!found?.file.isPolicy) {
        return { isPolicy: false, title: '', rows: [] };
      }
      return buildPolicySummary(state.catalog(), found.file, runtime.now?.() ?? new Date());
    }),
  );

  documents.listen(connection);
  connection.listen();
  return state;
}

function documentInfo(file: PolicyFile | undefined): DocumentInfoResult {
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
export async function sendStatus(state: ServerState, uri: string, accessAnalyzer: StatusParams['accessAnalyzer'] = state.accessAnalyzerStatus?.(uri) ?? { state: 'off' }): Promise<void> {
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
    state.logger.error(formatError('sending status', err));
  }
}

function resolveCompletion(catalog: IamCatalog, item: CompletionItem): CompletionItem {
  const data = item.data as CompletionData | undefined;
  if (data?.kind === 'action') {
    const action = catalog.action(data.name);
    if (action) {
      item.documentation = { kind: MarkupKind.Markdown, value: `${renderAction(catalog, action)}\n\n${catalogFooter(catalog)}` };
    }
  } else if (data?.kind === 'conditionKey') {
    const info = catalog.conditionKey(data.key);
    if (info) {
      item.documentation = {
        kind: MarkupKind.Markdown,
        value: `${code(info.key)} · ${info.type}\n\n${md(info.description)}\n\n${link('Documentation', catalog.conditionKeyDocUrl(info))}`,
      };
    }
  }
  return item;
}

