import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

const broad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, null, 2);

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

suite('LSP over stdio: pull diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics advertised');
  });
  after(() => client.shutdown());

  test('a broad statement: code, source, docs link, data for quick-fixes', async () => {
    client.open('file:///ws/broad.json', broad);
    const diagnostics = await client.diagnostics('file:///ws/broad.json');
    const wildcard = diagnostics.find((d) => d.code === 'service-wildcard');
    assert.ok(wildcard, `got ${codes(diagnostics).join(', ')}`);
    assert.equal(wildcard.source, 'iam-policy');
    assert.equal(wildcard.severity, 2);
    assert.match(wildcard.codeDescription?.href ?? '', /^file:.*dist\/rules\/service-wildcard\.md$/);
    assert.deepEqual(wildcard.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 22 } });
    // what the code action needs to find the rule's fix and its place; service-wildcard's fix has no payload
    assert.deepEqual(wildcard.data, {
      ruleId: 'service-wildcard',
      messageId: 'wildcard',
      security: false,
      path: ['Statement', 0, 'Action'],
    });
    assert.ok(diagnostics.some((d) => d.code === 'permissions-management'));
  });

  test('invalid JSON is reported at the exact place, with the rest still checked', async () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "s3:GetObjct", "Resource": "*"}\n  ]\n}';
    client.open('file:///ws/broken.json', text);
    const diagnostics = await client.diagnostics('file:///ws/broken.json');
    const syntax = diagnostics.find((d) => d.code === 'json-syntax');
    assert.ok(syntax);
    assert.deepEqual(syntax.range.start, { line: 3, character: 23 });
    assert.ok(diagnostics.some((d) => d.code === 'unknown-action' && /s3:GetObject/.test(String(d.message))));
  });

  test('rule severities from settings, and validation off', async () => {
    client.changeSettings({ rules: { 'service-wildcard': 'error', 'permissions-management': 'off' } });
    await client.waitFor('workspace/diagnostic/refresh');
    let diagnostics = await client.diagnostics('file:///ws/broad.json');
    assert.equal(diagnostics.find((d) => d.code === 'service-wildcard')?.severity, 1);
    assert.ok(!diagnostics.some((d) => d.code === 'permissions-management'));
    client.changeSettings({ validate: { enable: false } });
    diagnostics = await client.diagnostics('file:///ws/broad.json');
    assert.deepEqual(diagnostics, []);
    client.changeSettings({});
  });

  test('the ignore setting, for strict JSON files', async () => {
    client.changeSettings({ ignore: { '**/legacy/*.json': ['service-wildcard'], '**/break-glass.json': ['*'] } });
    client.open('file:///ws/legacy/old.json', broad);
    client.open('file:///ws/break-glass.json', broad);
    const legacy = await client.diagnostics('file:///ws/legacy/old.json');
    assert.ok(!legacy.some((d) => d.code === 'service-wildcard'));
    assert.ok(legacy.some((d) => d.code === 'permissions-management'));
    assert.deepEqual(await client.diagnostics('file:///ws/break-glass.json'), []);
    client.changeSettings({});
  });

  test('suppression comments in JSONC', async () => {
    const text = `// iam-policy-disable permissions-management\n${broad.replace('"Action": "s3:*",', '// iam-policy-disable-next-line service-wildcard\n      "Action": "s3:*",')}`;
    client.open('file:///ws/commented.jsonc', text, 'jsonc');
    const diagnostics = await client.diagnostics('file:///ws/commented.jsonc');
    // the file is analysed (a rule that is not disabled still reports), only the disabled rules are silent
    assert.deepEqual(codes(diagnostics), ['resource-star']);
  });

  test('documents that are not policies get no diagnostics', async () => {
    client.open('file:///ws/tsconfig.json', '{"compilerOptions": {"strict": true},}');
    assert.deepEqual(await client.diagnostics('file:///ws/tsconfig.json'), []);
  });
});

suite('LSP over stdio: pushed diagnostics for clients without pull', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize({ pullDiagnostics: false });
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(() => client.shutdown());

  test('publishes on open and after edits, with the document version', async () => {
    client.open('file:///ws/push.json', broad);
    const first = await client.publishedDiagnostics('file:///ws/push.json', (d) => d.length > 0);
    assert.ok(first.diagnostics.some((d) => d.code === 'service-wildcard'));
    client.change('file:///ws/push.json', broad.replace('s3:*', 's3:GetObject'));
    const second = await client.publishedDiagnostics('file:///ws/push.json', (d) => !d.some((x) => x.code === 'service-wildcard'));
    assert.equal(second.version, 2);
  });

  test('closing clears them', async () => {
    client.close('file:///ws/push.json');
    await client.publishedDiagnostics('file:///ws/push.json', (d) => d.length === 0);
  });
});
