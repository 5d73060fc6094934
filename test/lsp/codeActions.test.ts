/** Code actions over stdio: a quick-fix from a pulled diagnostic, and source.fixAll. */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { sharedServer } from './sharedServer';

function applyAction(text: string, uri: string, action: CodeAction): string {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `${action.title} has edits`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits);
}

suite('LSP over stdio: code actions', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize({
      initializationOptions: {
        clientCommands: ['iamPolicy.disableRuleForFile', 'iamPolicy.openRuleDocumentation', 'iamPolicy.showSummary'],
      },
    });
  });
  after(() => client.shutdown());

  test('a typo in an action is fixed from the diagnostic', async () => {
    const uri = 'file:///ws/typo.json';
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
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
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject",], "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    client.open(uri, text, 'jsonc');
    await client.diagnostics(uri);
    const list =
      (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    const all = list.find((a) => a.kind === 'source.fixAll.iamPolicy');
    assert.ok(all, list.map((a) => a.title).join(' | '));
    const after = applyAction(text, uri, all);
    // JSONC allows the trailing comma, so only the redundant action goes
    assert.equal(after, text.replace(', "s3:GetObject"', ''));
  });

  test('the preferred fix comes first; "disable" comes last and says where it writes', async () => {
    const uri = 'file:///ws/prefer.json';
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"},\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    client.open(uri, text);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'service-wildcard');
    assert.equal(diagnostics.length, 1);
    const list = (await client.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])) ?? [];
    const titles = list.map((a) => a.title).join(' | ');
    assert.equal(list.filter((a) => a.isPreferred).length, 1, titles);
    assert.ok(list[0].isPreferred && /used elsewhere in this file \(1 action\)/.test(list[0].title), titles);
    assert.equal(applyAction(text, uri, list[0]), text.replace('"Action": "s3:*"', '"Action": "s3:GetObject"'));
    const last = list[list.length - 1];
    assert.equal(last.command?.command, 'iamPolicy.disableRuleForFile');
    assert.match(last.title, /^Disable service-wildcard for this file \(adds it to iamPolicy.ignore in the workspace settings\)$/);
  });

  test('JSONC: "disable for this line" (a comment) comes before "for this file"; applied, the finding goes', async () => {
    const uri = 'file:///ws/inline.jsonc';
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    client.open(uri, text, 'jsonc');
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'service-wildcard');
    const list = (await client.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])) ?? [];
    const disables = list.filter((a) => a.title.startsWith('Disable'));
    assert.deepEqual(
      disables.map((a) => a.title),
      ['Disable service-wildcard for this line (a comment above it)', 'Disable service-wildcard for this file (a comment at the top)'],
    );
    assert.deepEqual(list.slice(-2), disables);
    const after = applyAction(text, uri, disables[0]);
    assert.equal(after, text.replace('    {"Effect"', '    // iam-policy-disable-next-line service-wildcard\n    {"Effect"'));
    client.change(uri, after);
    assert.deepEqual(
      (await client.diagnostics(uri)).filter((d) => d.code === 'service-wildcard'),
      [],
    );
  });

  test('a client that has not announced our commands gets no command it cannot run', async () => {
    const plain = await sharedServer();
    const uri = 'file:///ws/plain.json';
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
    plain.open(uri, text);
    const diagnostics = await plain.diagnostics(uri);
    const list = (await plain.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])) ?? [];
    assert.ok(list.length > 0);
    assert.deepEqual(
      list.filter((a) => a.command),
      [],
    );
  });

  test('a document that is not a policy gets no actions', async () => {
    const uri = 'file:///ws/package.json';
    client.open(uri, '{"name": "x"}');
    const list = await client.codeActions(uri, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, [], undefined);
    assert.deepEqual(list ?? [], []);
  });
});
