/**
 * Custom LSP messages between the extension and the server, beyond standard LSP. Each side builds
 * its typed RequestType/NotificationType from these method names (client and server use different
 * packages). Documented in README.md, "Language server protocol extensions".
 */
import type { PolicyType, PolicyTypeSource } from '../policy/model';

/** initializationOptions the client sends. */
export interface InitializationOptions {
  /** false in an untrusted (Restricted Mode) workspace: nothing is sent to AWS, no credentials are read */
  isTrusted?: boolean;
  /** VS Code's display language (e.g. `ja`), for Access Analyzer's `locale` */
  displayLanguage?: string;
  /**
   * The client-side commands the client implements (the extension sends CLIENT_COMMANDS). Code
   * lenses and code actions use only these; a client that sends none gets none of them.
   */
  clientCommands?: string[];
}

/** Commands the VS Code client implements, announced in InitializationOptions.clientCommands. */
export const CLIENT_COMMANDS = [
  'iamPolicy.showSummary',
  'iamPolicy.disableRuleForFile',
  'iamPolicy.openRuleDocumentation',
  'iamPolicy.showAccessDiff',
] as const;

/** Access Analyzer state of one document, shown in the status bar. */
export type AccessAnalyzerState =
  | 'off'
  | 'untrusted'
  | 'idle'
  | 'checking'
  | 'ok'
  | 'findings'
  | 'noCredentials'
  | 'expiredCredentials'
  | 'accessDenied'
  | 'throttled'
  | 'error'
  | 'tooLarge';

/** server -> client notification `iamPolicy/status` */
export const StatusNotificationMethod = 'iamPolicy/status';
export interface StatusParams {
  uri: string;
  isPolicy: boolean;
  policyType?: PolicyType;
  policyTypeSource?: PolicyTypeSource;
  accessAnalyzer: { state: AccessAnalyzerState; findings?: number; message?: string };
}

/** client -> server notification `iamPolicy/workspaceTrusted`, sent when the user grants trust */
export const WorkspaceTrustedNotificationMethod = 'iamPolicy/workspaceTrusted';

/** client -> server request `iamPolicy/documentInfo` */
export const DocumentInfoRequestMethod = 'iamPolicy/documentInfo';
export interface DocumentInfoParams {
  uri: string;
}
export interface DocumentInfoResult {
  isPolicy: boolean;
  policyType?: PolicyType;
  policyTypeSource?: PolicyTypeSource;
  policies: number;
}

/** client -> server request `iamPolicy/policySummary`: the data behind the summary view */
export const PolicySummaryRequestMethod = 'iamPolicy/policySummary';
export interface PolicySummaryParams {
  uri: string;
}
export interface PolicySummaryRow {
  service: string;
  serviceName: string;
  effect: 'Allow' | 'Deny' | 'None';
  /** "Full access", "Limited: List 2, Read 3" */
  accessLevel: string;
  levels: Record<string, number>;
  resources: string;
  conditions: string;
  statements: string[];
}
export interface PolicySummaryResult {
  isPolicy: boolean;
  title: string;
  policyType?: PolicyType;
  rows: PolicySummaryRow[];
  dataDate?: string;
}

/** Commands the server executes (workspace/executeCommand). */
export const Commands = {
  validateWithAccessAnalyzer: 'iamPolicy.accessAnalyzer.validate',
  checkNoNewAccess: 'iamPolicy.accessAnalyzer.checkNoNewAccess',
  checkAccessNotGranted: 'iamPolicy.accessAnalyzer.checkAccessNotGranted',
  checkNoPublicAccess: 'iamPolicy.accessAnalyzer.checkNoPublicAccess',
  /** client-side: opens a rule's documentation */
  openRuleDocumentation: 'iamPolicy.openRuleDocumentation',
  /**
   * Decides one request for the policies of an open document: one argument
   * `{ uri, action, resource?, principal?, context?, markdown? }` (`context`: an object of key ->
   * value or list of values, or a list of `key=value` entries). Returns the JSON that
   * `iam-policy-lint simulate --format json` prints, plus `markdown` (the localized explanation)
   * when `markdown` is true; `{ error }` on bad arguments.
   */
  simulate: 'iamPolicy.simulate',
  /** What the simulate input offers for a document: `[uri]` -> `{ actions, resources, conditionKeys }`. */
  simulateOptions: 'iamPolicy.simulateOptions',
  /**
   * The access a document's policies gained and lost against HEAD (git, trusted workspaces) or the
   * saved file: `[uri]` -> `{ base, title, markdown, diffs }`.
   */
  accessDiff: 'iamPolicy.accessDiff',
} as const;
