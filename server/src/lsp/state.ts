/** The server's state and host interface: what every handler in handlers/ receives (types only). */
import type {
  CodeLens,
  Connection,
  Diagnostic,
  ExecuteCommandParams,
  InitializeParams,
  InitializeResult,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AccessAnalyzerApiFactory } from '../accessAnalyzer/model';
import type { IamCatalog } from '../catalog/catalog';
import type { StatementTemplate } from '../features/completion/completion';
import type { ReadRelative } from '../features/diagnostics/fileReferences';
import type { EmbeddedExtractor, PolicyFile } from '../policy/policyFile';
import type { StatusParams } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { DocumentCache } from './documentCache';
import type { Logger } from './runSafe';
import type { SettingsCache } from './settingsCache';

/** Extra diagnostics for a document version (for example Access Analyzer's findings). */
export type DiagnosticContributor = (uri: string, version: number) => Diagnostic[];

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
  /** the path of the `.iampolicy.json` nearest to a document (access tests) */
  projectConfigFile?: (uri: string) => string | undefined;
  /** a file's saved text (capped); undefined when it cannot be read */
  readTextFile?: (path: string) => string | undefined;
  /** a file's committed (HEAD) text; called only in a trusted workspace; undefined when it has none */
  gitHeadText?: (path: string) => Promise<string | undefined>;
  /**
   * Access Analyzer region, profile and endpoint from the server's command line: they win over
   * the client's global (machine) settings and are never taken from a workspace scope
   */
  connectionFlags?: { region?: string; profile?: string; endpoint?: string };
  /** Access Analyzer timeout per attempt and attempts, for tests */
  accessAnalyzerTimeoutMs?: number;
  accessAnalyzerMaxAttempts?: number;
  /**
   * Reads a policy file a document references (Terraform `file()` / `templatefile()`), inside
   * `roots(fromUri)` (workspace folder paths), open documents' text first
   */
  readRelative?: (options: { roots: (fromUri: string) => string[]; openText: (uri: string) => string | undefined }) => ReadRelative;
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
  /** the workspace folders' URIs (from initialize) */
  workspaceFolders: string[];
  displayLanguage: string | undefined;
  /** the client-side commands the client said it implements (InitializationOptions.clientCommands) */
  clientCommands: ReadonlySet<string>;
  clientCapabilities: InitializeParams['capabilities'];
  fileFor(
    uri: string,
  ): Promise<{ document: TextDocument; file: PolicyFile; settings: Settings; analyze: (text: string) => PolicyFile } | undefined>;
  /** other diagnostic sources (Access Analyzer) add theirs here */
  diagnosticContributors: DiagnosticContributor[];
  /** called after settings or trust changed (settings are re-read lazily) */
  settingsListeners: (() => void)[];
  /** commands the server executes (workspace/executeCommand), registered by the handlers */
  commands: Map<string, (params: ExecuteCommandParams) => Promise<unknown>>;
  /** more code lenses for a document (access tests, access diff), after the statement lenses */
  codeLensContributors: ((uri: string) => Promise<CodeLens[]>)[];
  /** run on shutdown */
  disposables: (() => void)[];
  /** the Access Analyzer part of a document's status */
  accessAnalyzerStatus?: (uri: string) => StatusParams['accessAnalyzer'];
  /** asks the client for fresh diagnostics (pull) or re-publishes them (push) */
  refreshDiagnostics(uri?: string): void;
}

/** A feature's handlers (handlers/*.ts) register themselves and announce their capabilities. */
export type FeatureRegistration = (state: ServerState, capabilities: InitializeResult['capabilities']) => void;
