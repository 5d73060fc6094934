/** Activation: start the language client, then the status bar, commands and summary view around it. */
import * as vscode from 'vscode';
import { registerAccessViews } from './accessViews';
import { registerCommands, serverCommandMiddleware } from './commands';
import { IamPolicyClient } from './languageClient';
import { PolicyStatusBar } from './statusBar';
import { PolicySummaryPanel } from './summaryPanel';

let client: IamPolicyClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => IamPolicyClient | undefined }> {
  client = new IamPolicyClient(context);
  const statusBar = new PolicyStatusBar();
  const summary = new PolicySummaryPanel(() => client?.client);
  context.subscriptions.push(statusBar, summary);
  client.onStatus = (status) => statusBar.update(status);
  registerCommands(context, statusBar, summary);
  registerAccessViews(context);
  client.executeCommandMiddleware = serverCommandMiddleware(context, client.output);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => client?.trustGranted()));
  await client.start();
  // the extension's API: end-to-end tests reach the running client through it
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
