/**
 * The Output channel's lines (window/logMessage) follow the display language: with the `ja` locale
 * the catalog line and the Access Analyzer request lines are Japanese; what AWS or Node said (an
 * error's own message) follows as it came, and no credential ever appears.
 */
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
const hasJapanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface LogMessage {
  type: number;
  message: string;
}

suite('LSP over stdio: log lines in Japanese', () => {
  const fake = new FakeAccessAnalyzer();
  let client: LspClient;
  const logs = () => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as LogMessage).message);

  before(async () => {
    await fake.start();
    client = new LspClient({ env, settings: { accessAnalyzer: { enable: true, endpoint: fake.url, validateOn: 'save' } } });
    await client.initialize({ locale: 'ja' });
  });
  after(async () => {
    await client.shutdown();
    await fake.stop();
  });

  test('the catalog line and a validation line are Japanese', async () => {
    const uri = 'file:///ws/log-ok.json';
    fake.faults.push({ kind: 'respond', status: 200, body: { findings: [] } });
    client.open(uri, POLICY);
    await client.waitFor<StatusParams>('iamPolicy/status', (s) => s.uri === uri && s.accessAnalyzer.state === 'ok');
    await client.diagnostics(uri); // the checks open the catalog
    const catalog = await client.waitFor<LogMessage>('window/logMessage', (m) => m.message.startsWith('IAM カタログを'));
    assert.match(catalog.message, /^IAM カタログを \d+ ms で開きました: \d+ 個のサービス、\d+ 個のアクション/);
    const validated = await client.waitFor<LogMessage>('window/logMessage', (m) => m.message.includes(uri));
    assert.match(validated.message, new RegExp(`^Access Analyzer: ${uri} を \\d+ ms で検証しました: 検出結果 0 件$`));
  });

  test("a failed request's line is Japanese, AWS's own message follows as it came, no credential appears", async () => {
    const uri = 'file:///ws/log-denied.json';
    fake.faults.push({
      kind: 'respond',
      status: 403,
      headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
      body: { message: 'User is not authorized to perform access-analyzer:ValidatePolicy' },
    });
    // another text: the same one would be answered from the cache
    client.open(uri, POLICY.replace('"*"', '"arn:aws:iam::123456789012:role/*"'));
    await client.waitFor<StatusParams>('iamPolicy/status', (s) => s.uri === uri && s.accessAnalyzer.state === 'accessDenied');
    const line = await client.waitFor<LogMessage>('window/logMessage', (m) => m.message.includes(uri));
    assert.ok(line.message.startsWith(`Access Analyzer: ${uri}: `), line.message);
    assert.match(line.message, hasJapanese);
    assert.ok(line.message.includes('User is not authorized to perform access-analyzer:ValidatePolicy'), line.message);
    // every line of ours (a warning Node itself prints, e.g. the AWS SDK's about the Node version, is Node's text)
    for (const message of logs().filter((m) => !/^\(node:\d+\) /.test(m))) {
      assert.match(message, hasJapanese, message);
      assert.ok(!message.includes(FAKE_CREDENTIALS_ENV.AWS_ACCESS_KEY_ID), message);
      assert.ok(!message.includes(FAKE_CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY), message);
      assert.ok(!/Authorization|X-Amz-Security-Token/i.test(message), message);
    }
  });
});
