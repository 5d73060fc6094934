/**
 * Code lenses over stdio: a plain LSP client gets lenses whose command the server executes
 * (workspace/executeCommand shows the statement's summary); the VS Code client, which announces
 * its commands in initializationOptions.clientCommands, gets its summary view command.
 */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { sharedServer, type SharedLspClient } from './sharedServer';

const text =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "ec2:DescribeInstances", "sqs:ReceiveMessage", "sns:Publish"], "Resource": "*"}\n  ]\n}';

suite('LSP over stdio: code lenses never dead', () => {
  let plain: SharedLspClient;
  let vscode: LspClient;
  let plainInit: InitializeResult;
  before(async () => {
    plain = await sharedServer();
    plainInit = plain.initResult;
    vscode = new LspClient();
    await vscode.initialize({ initializationOptions: { clientCommands: ['iamPolicy.showSummary'] } });
  });
  after(() => vscode.shutdown());

  test('a plain client gets a command the server executes', async () => {
    const uri = 'file:///ws/lens.json';
    plain.open(uri, text);
    const lenses = (await plain.codeLenses(uri)) ?? [];
    assert.equal(lenses.length, 1);
    const command = lenses[0].command!;
    assert.ok(
      plainInit.capabilities.executeCommandProvider?.commands.includes(command.command),
      `${command.command} is executed by the server`,
    );
    assert.match(command.title, /^Allow · /);
    const shown = plain.waitFor<{ message: string }>('window/showMessage', (p) => p.message.startsWith('Statement "Read"'));
    const result = (await plain.executeCommand(command.command, command.arguments ?? [])) as { message?: string; error?: string };
    assert.equal(result.error, undefined);
    // the message lists every service (the lens shows three)
    assert.match(result.message!, /^Statement "Read": Allow · .*ec2.*s3.*sns.*sqs|^Statement "Read": Allow · /);
    for (const service of ['s3', 'ec2', 'sqs', 'sns']) {
      assert.ok(result.message!.includes(`${service}:`), result.message);
    }
    assert.equal((await shown).message, result.message);
  });

  test('the VS Code client, which has the summary view, gets its command', async () => {
    const uri = 'file:///ws/lens.json';
    vscode.open(uri, text);
    const lenses = (await vscode.codeLenses(uri)) ?? [];
    assert.deepEqual(lenses[0].command?.command, 'iamPolicy.showSummary');
    assert.deepEqual(lenses[0].command?.arguments, [uri]);
  });

  test('the Access Analyzer commands still run through the same executeCommand', async () => {
    const uri = 'file:///ws/lens.json';
    const result = (await plain.executeCommand('iamPolicy.accessAnalyzer.validate', [uri])) as { state?: string };
    assert.equal(result.state, 'off');
  });
});
