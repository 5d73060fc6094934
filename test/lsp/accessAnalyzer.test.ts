/** Access Analyzer through the stdio server, its endpoint setting pointing at the local fake. */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { StatusParams } from '../../server/src/shared/protocol';
import { FAKE_CREDENTIALS_ENV, FakeAccessAnalyzer } from '../accessAnalyzer/fakeServer';
import { LspClient } from './harness';

const POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}';
const env = {
  ...FAKE_CREDENTIALS_ENV,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
};

suite('LSP over stdio: Access Analyzer', () => {
  const fake = new FakeAccessAnalyzer();
  let client: LspClient;
  before(async () => {
    await fake.start();
    client = new LspClient({ env, settings: { accessAnalyzer: { enable: true, endpoint: fake.url, validateOn: 'save' } } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    await fake.stop();
  });

  test('on open: findings merge with the local diagnostics, and the status says so', async () => {
    const uri = 'file:///ws/passrole.json';
    client.open(uri, POLICY);
    const status = await client.waitFor<StatusParams>('iamPolicy/status', (s) => s.uri === uri && s.accessAnalyzer.state === 'findings');
    assert.equal(status.accessAnalyzer.findings, 1);
    const diagnostics = await client.diagnostics(uri);
    const remote = diagnostics.find((d) => d.source === 'IAM Access Analyzer');
    assert.ok(remote);
    assert.equal(remote.code, 'PASS_ROLE_WITH_STAR_IN_RESOURCE');
    assert.deepEqual(remote.range.start, { line: 8, character: 18 });
    assert.ok(
      diagnostics.some((d) => d.source === 'iam-policy' && d.code === 'passrole-star'),
      'local diagnostics stay',
    );
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0].body.policyType, 'IDENTITY_POLICY');
  });

  test('an edit drops the stale findings; the command validates on demand; a failure keeps local diagnostics', async () => {
    const uri = 'file:///ws/passrole.json';
    const edited = POLICY.replace('"Allow"', '"Allow" ');
    client.change(uri, edited);
    let diagnostics = await client.diagnostics(uri);
    assert.ok(!diagnostics.some((d) => d.source === 'IAM Access Analyzer'), 'no findings for text that changed');
    fake.faults.push({
      kind: 'respond',
      status: 403,
      headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
      body: { message: 'denied' },
    });
    const result = (await client.executeCommand('iamPolicy.accessAnalyzer.validate', [uri])) as StatusParams['accessAnalyzer'];
    assert.equal(result.state, 'accessDenied');
    diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'passrole-star'));
  });

  test('untrusted workspace: nothing is sent', async () => {
    const untrusted = new LspClient({ env, settings: { accessAnalyzer: { enable: true, endpoint: fake.url } } });
    await untrusted.initialize({ initializationOptions: { isTrusted: false } });
    const before = fake.requests.length;
    untrusted.open('file:///ws/u.json', POLICY);
    const status = await untrusted.waitFor<StatusParams>('iamPolicy/status', (s) => s.accessAnalyzer.state === 'untrusted');
    assert.equal(status.uri, 'file:///ws/u.json');
    const result = (await untrusted.executeCommand('iamPolicy.accessAnalyzer.validate', [
      'file:///ws/u.json',
    ])) as StatusParams['accessAnalyzer'];
    assert.equal(result.state, 'untrusted');
    assert.equal(fake.requests.length, before);
    await untrusted.shutdown();
  });

  test('a custom check: CheckAccessNotGranted with the actions setting', async () => {
    fake.faults.push({
      kind: 'respond',
      status: 200,
      body: {
        result: 'FAIL',
        message: 'The policy document grants access to perform one or more of the listed actions or resources.',
        reasons: [{ description: 'One or more of the listed actions or resources in the statement with index: 0.', statementIndex: 0 }],
      },
    });
    const result = (await client.executeCommand('iamPolicy.accessAnalyzer.checkAccessNotGranted', [
      { uri: 'file:///ws/passrole.json', actions: ['iam:PassRole'] },
    ])) as { result: string; reasons: unknown[] };
    assert.equal(result.result, 'FAIL');
    assert.equal(result.reasons.length, 1);
    const request = fake.requests[fake.requests.length - 1];
    assert.equal(request.path, '/policy/check-access-not-granted');
    assert.deepEqual(request.body.access, [{ actions: ['iam:PassRole'] }]);
  });
});
