import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { after, before, suite, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, caretPosition, itemsOf, serverBin } from './harness';

suite('server binary', () => {
  test('--version and --help answer without starting the protocol', () => {
    const version = spawnSync(process.execPath, [serverBin, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const help = spawnSync(process.execPath, [serverBin, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /--stdio/);
  });
});

suite('LSP over stdio: core', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'iam-policy-language-server');
    assert.ok(init.capabilities.completionProvider);
    assert.ok(init.capabilities.hoverProvider);
  });
  after(() => client.shutdown());

  test('completes actions with their access level, replacing the typed token', async () => {
    const { text, position } = caretPosition(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetOb|"], "Resource": "*"}]}',
    );
    client.open('file:///ws/a.json', text);
    const items = itemsOf(await client.complete('file:///ws/a.json', position));
    const item = items.find((i) => i.label === 's3:GetObject');
    assert.ok(item);
    assert.equal(item.detail, 'Read');
    const edit = item.textEdit as TextEdit;
    const start = text.indexOf('"s3:GetOb"');
    assert.deepEqual(edit.range, { start: { line: 0, character: start }, end: { line: 0, character: start + '"s3:GetOb"'.length } });
    assert.equal(edit.newText, '"s3:GetObject"');
    const resolved = await client.resolveCompletion(item);
    assert.match(JSON.stringify(resolved.documentation), /retrieve objects/i);
  });

  test('hover explains a wildcard', async () => {
    const { text, position } = caretPosition('{"Statement": [{"Effect": "Allow", "Action": "ec2:*Inst|ances", "Resource": "*"}]}');
    client.open('file:///ws/b.json', text);
    const hover = await client.hover('file:///ws/b.json', position);
    assert.ok(hover);
    assert.match(JSON.stringify(hover.contents), /matches \*\*\d+\*\* actions/);
  });

  test('JSON files that are not policies get nothing', async () => {
    const { text, position } = caretPosition('{"name": "x", "version": "1.0.0", "scripts": {"|"}}');
    client.open('file:///ws/package.json', text);
    assert.deepEqual(itemsOf(await client.complete('file:///ws/package.json', position)), []);
    assert.equal(await client.hover('file:///ws/package.json', position), null);
  });

  test('files matching iamPolicy.files are policies even when empty', async () => {
    client.open('file:///ws/new.policy.json', '');
    const items = itemsOf(await client.complete('file:///ws/new.policy.json', { line: 0, character: 0 }));
    assert.ok(items.length > 0, 'policy templates in an empty policy file');
    const status = await client.waitFor<{ uri: string; isPolicy: boolean }>(
      'iamPolicy/status',
      (p) => p.uri === 'file:///ws/new.policy.json',
    );
    assert.equal(status.isPolicy, true);
  });

  test('documentInfo reports the inferred policy type', async () => {
    client.open(
      'file:///ws/trust.json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
    );
    const info = await client.request<{ isPolicy: boolean; policyType: string; policyTypeSource: string }>('iamPolicy/documentInfo', {
      uri: 'file:///ws/trust.json',
    });
    assert.deepEqual(info, { isPolicy: true, policies: 1, policyType: 'trust', policyTypeSource: 'inferred' });
  });

  test('the policyType setting overrides inference', async () => {
    client.changeSettings({ policyType: 'scp' });
    client.open(
      'file:///ws/scp.json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}',
    );
    const info = await client.request<{ policyType: string; policyTypeSource: string }>('iamPolicy/documentInfo', {
      uri: 'file:///ws/scp.json',
    });
    assert.equal(info.policyType, 'scp');
    assert.equal(info.policyTypeSource, 'setting');
    client.changeSettings({});
  });
});
