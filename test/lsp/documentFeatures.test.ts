/**
 * documentSymbol (outline and breadcrumbs), documentLink (actions and condition keys to the AWS
 * Service Authorization Reference) and the opt-in access-level inlay hints, over stdio.
 */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { DocumentSymbol, InitializeResult, InlayHint } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

const text = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {',
  '      "Sid": "ReadObjects",',
  '      "Effect": "Allow",',
  '      "Action": ["s3:GetObject", "s3:PutObject", "s3:List*"],',
  '      "Resource": "arn:aws:s3:::b/*",',
  '      "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"s3:x-amz-acl": "private"}}',
  '    },',
  '    {"Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*"}',
  '  ]',
  '}',
].join('\n');

const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/';

suite('LSP over stdio: outline, links and access-level hints', () => {
  let client: LspClient;
  let init: InitializeResult;
  const uri = 'file:///ws/outline.json';
  before(async () => {
    client = new LspClient();
    init = await client.initialize();
    client.open(uri, text);
  });
  after(() => client.shutdown());

  test('the outline lists statements by Sid (or number) with their effect', async () => {
    assert.ok(init.capabilities.documentSymbolProvider);
    const symbols = ((await client.documentSymbols(uri)) ?? []) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Version', 'Statement'],
    );
    const statements = symbols[1].children ?? [];
    assert.deepEqual(
      statements.map((s) => [s.name, s.detail]),
      [
        ['ReadObjects', 'Allow · s3:GetObject +2'],
        ['Statement 2', 'Deny · ec2:TerminateInstances'],
      ],
    );
    assert.deepEqual(statements[0].range, { start: { line: 3, character: 4 }, end: { line: 9, character: 5 } });
    assert.deepEqual(statements[0].selectionRange, { start: { line: 4, character: 13 }, end: { line: 4, character: 26 } });
    assert.deepEqual(
      statements[0].children?.map((c) => c.name),
      ['Sid', 'Effect', 'Action', 'Resource', 'Condition'],
    );
  });

  test('actions and condition keys link to their Service Authorization Reference page', async () => {
    const links = (await client.documentLinks(uri)) ?? [];
    const lines = text.split('\n');
    const byText = new Map(links.map((l) => [lines[l.range.start.line].slice(l.range.start.character, l.range.end.character), l.target]));
    assert.equal(byText.get('s3:GetObject'), `${SAR}list_amazons3.html#amazons3-actions-as-permissions`);
    assert.equal(byText.get('s3:List*'), `${SAR}list_amazons3.html`);
    assert.equal(byText.get('ec2:TerminateInstances'), `${SAR}list_amazonec2.html#amazonec2-actions-as-permissions`);
    assert.equal(byText.get('s3:x-amz-acl'), `${SAR}list_amazons3.html#amazons3-policy-keys`);
    assert.match(byText.get('aws:SecureTransport') ?? '', /reference_policies_condition-keys\.html/);
    assert.equal(links.length, 6);
  });

  test('access-level inlay hints are off by default and follow the setting', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 12, character: 1 } };
    assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    client.changeSettings({ inlayHints: { accessLevel: true } });
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    const at = (h: InlayHint) => `${h.position.line}:${h.position.character}`;
    assert.deepEqual(
      hints.map((h) => [at(h), h.label]),
      [
        [`6:${text.split('\n')[6].indexOf('"s3:GetObject"') + 14}`, 'Read'],
        [`6:${text.split('\n')[6].indexOf('"s3:PutObject"') + 14}`, 'Write'],
        [`6:${text.split('\n')[6].indexOf('"s3:List*"') + 10}`, 'List'],
        [`10:${text.split('\n')[10].indexOf('"ec2:TerminateInstances"') + 24}`, 'Write'],
      ],
    );
    // only the requested range
    const line6 = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 10, character: 0 }, end: { line: 10, character: 200 } },
    });
    assert.deepEqual(
      line6.map((h) => h.label),
      ['Write'],
    );
    client.changeSettings({});
  });
});
