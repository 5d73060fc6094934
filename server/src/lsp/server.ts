/**
 * Layer 4: the protocol layer, the only code that sees a Connection. This sets up the server state
 * (lazy catalog and templates, settings, the analysed-document cache), the lifecycle (initialize,
 * configuration, trust, shutdown) and lets every feature's handler (handlers/*.ts, listed in
 * features.ts) register itself. Handlers fetch the analysed document and settings, call a feature (a
 * pure function) and return its result, guarded by runSafe; settings are passed explicitly.
 */
import {
  DidChangeConfigurationNotification,
  NotificationType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/catalog';
import type { StatementTemplate } from '../features/completion/completion';
import { explicitPolicyType } from '../policy/policyType';
import { analyzeFile, tooLargeFile } from '../policy/policyFile';
import { withReadBudget } from '../syntax/budget';
import { WorkspaceTrustedNotificationMethod, type InitializationOptions } from '../shared/protocol';
import { mergeProjectConfig } from '../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../util/glob';
import { DocumentCache } from './documentCache';
import { formatError, type Logger } from './runSafe';
import { SettingsCache } from './settingsCache';
import type { FeatureRegistration, ServerRuntime, ServerState } from './state';
import { sendStatus } from './status';
import { pickLocale, setLocale } from '../i18n/locale';
import { t } from '../i18n';

export type { DiagnosticContributor, FeatureRegistration, ServerRuntime, ServerState } from './state';

const WorkspaceTrustedNotification = new NotificationType<void>(WorkspaceTrustedNotificationMethod);

export function startServer(connection: Connection, runtime: ServerRuntime, registrations: FeatureRegistration[] = []): ServerState {
  const logger: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  // last resort: log, never die (a crash would take every open editor's features with it)
  process.on('uncaughtException', (err) => logger.error(formatError(t('log.uncaughtException'), err)));
  process.on('unhandledRejection', (err) => logger.error(formatError(t('log.unhandledRejection'), err)));

  let canPullConfiguration = false;
  const state = createState(connection, runtime, logger, () => canPullConfiguration);
  const documents = state.documents;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.clientCapabilities = params.capabilities;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    state.trusted = options.isTrusted !== false;
    state.workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    // the display language: the option the extension sends, else the LSP locale (VS Code's too)
    state.displayLanguage = options.displayLanguage ?? params.locale;
    setLocale(pickLocale(options.displayLanguage, params.locale));
    state.clientCommands = new Set(
      Array.isArray(options.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : [],
    );
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    };
    for (const register of registrations) {
      register(state, capabilities);
    }
    if (state.commands.size > 0) {
      capabilities.executeCommandProvider = { commands: [...state.commands.keys()] };
    }
    return { capabilities, serverInfo: runtime.serverInfo };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration && state.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamPolicy' });
    }
    // the catalog opens with the first document that needs it (its header takes about 10 ms; each
    // service is read when a document names it), so an idle server holds none of it
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
        logger.error(formatError(t('log.shutdownFailed'), err));
      }
    }
  });

  connection.onExecuteCommand(async (params) => {
    const run = state.commands.get(params.command);
    return run ? run(params) : { error: t('aa.unknownCommand', { command: params.command }) };
  });

  documents.onDidOpen((e) => void sendStatus(state, e.document.uri));
  documents.onDidClose((e) => {
    state.cache.delete(e.document.uri);
    state.settings.forget(e.document.uri);
  });

  documents.listen(connection);
  connection.listen();
  return state;
}

/**
 * Time that reading one version of a document (parse and model) may take before the document is
 * reported as too large to check fully (the rules have their own budget, in handlers/diagnostics).
 * IAM_POLICY_READ_BUDGET_MS overrides it (tests, slow machines).
 */
const READ_BUDGET_MS = Number(process.env.IAM_POLICY_READ_BUDGET_MS) > 0 ? Number(process.env.IAM_POLICY_READ_BUDGET_MS) : 5_000;

/** The state every handler gets: documents, settings, the analysed-document cache, the lazy catalog and templates. */
function createState(connection: Connection, runtime: ServerRuntime, logger: Logger, canPullConfiguration: () => boolean): ServerState {
  const documents = new TextDocuments(TextDocument);
  /** documents that ran out of the read budget, with their length then */
  const tooLargeAt = new Map<string, number>();
  documents.onDidClose((e) => tooLargeAt.delete(e.document.uri));
  let catalog: IamCatalog | undefined;
  let templates: StatementTemplate[] | undefined;

  const state: ServerState = {
    connection,
    runtime,
    documents,
    settings: new SettingsCache(connection, canPullConfiguration, runtime.connectionFlags),
    cache: new DocumentCache(),
    logger,
    trusted: true,
    workspaceFolders: [],
    displayLanguage: undefined,
    clientCommands: new Set(),
    clientCapabilities: {},
    diagnosticContributors: [],
    codeLensContributors: [],
    settingsListeners: [],
    disposables: [],
    commands: new Map(),
    refreshDiagnostics: () => undefined,
    catalog() {
      if (!catalog) {
        const start = Date.now();
        catalog = runtime.loadCatalog();
        logger.info(
          t('log.catalogOpened', {
            ms: Date.now() - start,
            services: catalog.services.length,
            actions: catalog.actionCount,
            date: catalog.dataDate,
          }),
        );
      }
      return catalog;
    },
    templates() {
      if (!templates) {
        try {
          templates = runtime.loadTemplates();
        } catch (err) {
          logger.error(formatError(t('log.templatesFailed'), err));
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
      // a .tofu file in an editor without an OpenTofu language is plain text: it is HCL
      const languageId = /\.tofu$/i.test(uri) && document.languageId === 'plaintext' ? 'opentofu' : document.languageId;
      await runtime.embeddedReady?.(languageId);
      const options = {
        languageId,
        matchesPolicyGlob: matchesAnyGlob(uri, settings.files),
        explicitType: explicitPolicyType(settings, (glob) => matchesGlob(uri, glob)),
        ...(runtime.embedded ? { embedded: runtime.embedded } : {}),
      };
      // the analysis of any text of this document (fix-all re-analyses its own rounds with it)
      const analyze = (text: string) => analyzeFile(text, options);
      const file = state.cache.get(document, state.settings.generation, () => {
        const text = document.getText();
        // a document that ran out of its read budget is not read again on every keystroke: only
        // once it has shrunk by a tenth (each attempt would block the server for the whole budget)
        const tooLargeBefore = tooLargeAt.get(uri);
        if (tooLargeBefore !== undefined && text.length >= tooLargeBefore * 0.9) {
          return tooLargeFile(text, options, READ_BUDGET_MS);
        }
        const analyzed = withReadBudget(READ_BUDGET_MS, () => analyze(text));
        if (analyzed.tooLarge) {
          tooLargeAt.set(uri, text.length);
          logger.warn(t('log.tooLargeToRead', { uri, ms: READ_BUDGET_MS, length: text.length }));
        } else {
          tooLargeAt.delete(uri);
        }
        return analyzed;
      });
      return { document, file, settings, analyze };
    },
  };
  return state;
}
