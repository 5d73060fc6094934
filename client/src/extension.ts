/** Activation: start the language client; everything else hangs off it. */
import type * as vscode from 'vscode';
import { IamPolicyClient } from './languageClient';

let client: IamPolicyClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new IamPolicyClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
