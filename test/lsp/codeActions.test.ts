/** Code actions over stdio: a quick-fix from a pulled diagnostic, and source.fixAll. */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

function applyAction(text: string, uri: string, action: CodeAction): string {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `${action.title} has edits`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits);
}

suite('LSP over stdio: code actions', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  test('a typo in an action is fixed from the diagnostic', async () => {
    const uri = 'file:///ws/typo.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    client.open(uri, text);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'unknown-action');
    assert.equal(diagnostics.length, 1);
    const list = (await client.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])) ?? [];
    const change = list.find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(change, list.map((a) => a.title).join(' | '));
    assert.equal(applyAction(text, uri, change), text.replace('GetObjct', 'GetObject'));
    assert.ok(list.some((a) => a.command?.command === 'iamPolicy.disableRuleForFile'));
  });

  test('source.fixAll applies only the safe fixes and keeps what JSONC allows', async () => {
    const uri = 'file:///ws/fixall.jsonc';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject",], "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    client.open(uri, text, 'jsonc');
    await client.diagnostics(uri);
    const list = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    const all = list.find((a) => a.kind === 'source.fixAll.iamPolicy');
    assert.ok(all, list.map((a) => a.title).join(' | '));
    const after = applyAction(text, uri, all);
    // JSONC allows the trailing comma, so only the redundant action goes
    assert.equal(after, text.replace(', "s3:GetObject"', ''));
  });

  test('a document that is not a policy gets no actions', async () => {
    const uri = 'file:///ws/package.json';
    client.open(uri, '{"name": "x"}');
    const list = await client.codeActions(uri, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, [], undefined);
    assert.deepEqual(list ?? [], []);
  });
});
