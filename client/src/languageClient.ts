/**
 * Starts the bundled server over Node IPC, restarts it after a crash (a few times, then stops and
 * says so in the output channel), and owns the output channels.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CLIENT_COMMANDS,
  StatusNotificationMethod,
  WorkspaceTrustedNotificationMethod,
  type InitializationOptions,
  type StatusParams,
} from '../../server/src/shared/protocol';

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class IamPolicyClient {
  readonly output: vscode.LogOutputChannel;
  client: LanguageClient | undefined;
  private restarts: number[] = [];
  /** receives iamPolicy/status (policy type and Access Analyzer state) */
  onStatus: (status: StatusParams) => void = () => undefined;
  /** sees server commands (workspace/executeCommand) before they are sent */
  executeCommandMiddleware:
    ((command: string, args: unknown[], next: (command: string, args: unknown[]) => Promise<unknown>) => Promise<unknown>) | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('IAM Policy Language Server', { log: true });
    context.subscriptions.push(this.output);
    context.subscriptions.push(vscode.commands.registerCommand('iamPolicy.restartServer', () => this.restart()));
    context.subscriptions.push(vscode.commands.registerCommand('iamPolicy.showOutput', () => this.output.show(true)));
  }

  async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const initializationOptions: InitializationOptions = {
      isTrusted: vscode.workspace.isTrusted,
      displayLanguage: vscode.env.language,
      clientCommands: [...CLIENT_COMMANDS],
    };
    const clientOptions: LanguageClientOptions = {
      // YAML and Terraform: policies embedded in CloudFormation templates and Terraform files;
      // TypeScript, JavaScript and Python: CDK apps (the server reads only files that import aws_iam)
      documentSelector: [
        { language: 'json' },
        { language: 'jsonc' },
        { language: 'yaml' },
        { language: 'terraform' },
        { language: 'opentofu' },
        { pattern: '**/*.tofu' },
        { language: 'typescript', pattern: '**/*.ts' },
        { language: 'javascript', pattern: '**/*.{js,mjs}' },
        { language: 'python', pattern: '**/*.py' },
      ],
      // .iampolicy.json is the project configuration the CLI reads too
      synchronize: { configurationSection: 'iamPolicy', fileEvents: vscode.workspace.createFileSystemWatcher('**/.iampolicy.json') },
      middleware: {
        executeCommand: (command, args, next) =>
          this.executeCommandMiddleware
            ? this.executeCommandMiddleware(command, args as unknown[], (c, a) => Promise.resolve(next(c, a)))
            : next(command, args),
      },
      initializationOptions,
      outputChannel: this.output,
      traceOutputChannel: vscode.window.createOutputChannel('IAM Policy Language Server Trace', { log: true }),
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: (error) => {
        this.output.appendLine(vscode.l10n.t('The IAM policy language server failed to start: {0}', String(error)));
        return false;
      },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          const now = Date.now();
          this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
          this.restarts.push(now);
          if (this.restarts.length > MAX_RESTARTS) {
            this.output.appendLine(
              vscode.l10n.t(
                'The IAM policy language server crashed {0} times in {1} minutes and will not be restarted. Run "IAM Policy: Restart Language Server" to try again.',
                this.restarts.length,
                RESTART_WINDOW_MS / 60000,
              ),
            );
            return { action: CloseAction.DoNotRestart };
          }
          this.output.appendLine(vscode.l10n.t('The IAM policy language server stopped unexpectedly; restarting it.'));
          return { action: CloseAction.Restart };
        },
      },
    };
    this.client = new LanguageClient('iamPolicy', 'IAM Policy Language Server', serverOptions, clientOptions);
    this.context.subscriptions.push(this.client.onNotification(StatusNotificationMethod, (status: StatusParams) => this.onStatus(status)));
    await this.client.start();
  }

  /** Restricted Mode ended: the server may now use Access Analyzer (if enabled). */
  trustGranted(): void {
    void this.client?.sendNotification(WorkspaceTrustedNotificationMethod);
  }

  async restart(): Promise<void> {
    this.restarts = [];
    if (this.client) {
      await this.client.restart();
    } else {
      await this.start();
    }
  }

  async stop(): Promise<void> {
    await this.client?.stop();
  }
}
