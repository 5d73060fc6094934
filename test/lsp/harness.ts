/**
 * Spawns the built server (bin/iam-policy-language-server --stdio) and speaks LSP to it, as an
 * editor would. Answers workspace/configuration from an in-memory settings object and records
 * notifications (diagnostics, status) so tests can wait on them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  type CancellationToken,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverBin = path.join(repoRoot, 'bin', 'iam-policy-language-server');

export interface StartOptions {
  settings?: Record<string, unknown>;
  /** advertise pull diagnostics (default) or only push */
  pullDiagnostics?: boolean;
  initializationOptions?: Record<string, unknown>;
  /** advertise snippet edits in workspace edits, as VS Code does */
  snippetEdits?: boolean;
  env?: NodeJS.ProcessEnv;
  /** InitializeParams.locale (VS Code's display language) */
  locale?: string;
  /** more command-line arguments for the server (after --stdio) */
  args?: string[];
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown>;
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly stderr: string[] = [];
  private versions = new Map<string, number>();
  private waiters: { method: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  exited: Promise<number | null>;

  constructor(options: StartOptions = {}) {
    this.settings = options.settings ?? {};
    // LSP_TEST_SERVER_NODE_ARGS: node flags for the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p", which
    // NODE_OPTIONS does not allow) to profile the server under a test
    const nodeArgs = process.env.LSP_TEST_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeArgs, serverBin, '--stdio', ...(options.args ?? [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // a loaded machine (tests run side by side) must not turn a full check into a partial one:
      // the time budget is the budget test's subject (it sets its own), not every test's
      env: { IAM_POLICY_CHECK_BUDGET_MS: '600000', ...process.env, ...options.env },
    });
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'iamPolicy' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.record('workspace/diagnostic/refresh', null);
      return null;
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onUnhandledNotification((message) => this.record(message.method, message.params));
    this.connection.listen();
  }

  private record(method: string, params: unknown): void {
    this.notifications.push({ method, params });
    this.waiters = this.waiters.filter((w) => {
      if (w.method === method && w.predicate(params)) {
        w.resolve(params);
        return false;
      }
      return true;
    });
  }

  /** Resolves with the first (past or future) notification matching the predicate. */
  waitFor<T>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 60000): Promise<T> {
    const past = this.notifications.find((n) => n.method === method && predicate(n.params as T));
    if (past) {
      return Promise.resolve(past.params as T);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
      this.waiters.push({
        method,
        predicate: (p) => predicate(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  async initialize(options: StartOptions = {}): Promise<InitializeResult> {
    const pull = options.pullDiagnostics ?? true;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          ...(options.snippetEdits ? { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } : {}),
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        },
      },
      initializationOptions: options.initializationOptions ?? {},
      ...(options.locale ? { locale: options.locale } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'json'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iamPolicy: settings } });
  }

  complete(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest('completionItem/resolve', item);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  pullDiagnostics(uri: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    return token
      ? this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, token)
      : this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pullDiagnostics(uri);
    return report.kind === 'full' ? report.items : [];
  }

  publishedDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p.diagnostics));
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  documentSymbols(uri: string): Promise<unknown[] | null> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  documentLinks(uri: string): Promise<{ range: Range; target?: string; tooltip?: string }[] | null> {
    return this.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /**
   * Asks the server to shut down and exit (killing it if it does not within seconds). Every timer
   * it starts is cleared, so a test process ends as soon as its servers have exited.
   */
  async shutdown(): Promise<void> {
    let answered: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((r) => {
          answered = setTimeout(r, 2000);
        }),
      ]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    } finally {
      clearTimeout(answered);
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** Position of the `|` caret; returns the text without it. */
export function caretPosition(textWithCaret: string): { text: string; position: Position } {
  const offset = textWithCaret.indexOf('|');
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  return { text, position: positionAt(text, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { line, character };
}

export function itemsOf(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!result) {
    return [];
  }
  return Array.isArray(result) ? result : result.items;
}
