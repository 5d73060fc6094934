/**
 * Issue 17 item 9, each from its reproduction, through the real SDK against the loopback fake:
 * a finding past the end of the document without an offset, a huge response, an endpoint that
 * always returns nextToken, and an endpoint that echoes the session-token header.
 */
import { strict as assert } from 'node:assert';
import { after, before, beforeEach, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AccessAnalyzerService, type AccessAnalyzerStatus } from '../../server/src/accessAnalyzer/service';
import { createAccessAnalyzerApi, MAX_PAGES } from '../../server/src/accessAnalyzer/sdk';
import { analyzeFile } from '../../server/src/policy/policyFile';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { FAKE_CREDENTIALS_ENV, FakeAccessAnalyzer } from './fakeServer';

const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEFAKESESSIONTOKENdoNotShowThis0123456789';
Object.assign(process.env, FAKE_CREDENTIALS_ENV, {
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
});

const POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}';
const fake = new FakeAccessAnalyzer();
before(() => fake.start());
after(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.faults.length = 0;
});

function service() {
  const statuses: AccessAnalyzerStatus[] = [];
  const logs: string[] = [];
  const svc = new AccessAnalyzerService({
    createApi: createAccessAnalyzerApi,
    isTrusted: () => true,
    displayLanguage: () => undefined,
    onStatus: (_uri, s) => statuses.push(s),
    onDiagnostics: () => undefined,
    log: (line) => logs.push(line),
    sleep: () => Promise.resolve(),
    timeoutMs: 10000,
  });
  return { svc, statuses, logs };
}

function target(text: string) {
  const document = TextDocument.create('file:///ws/edge.json', 'json', 1, text);
  return {
    document,
    file: analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true }),
    settings: { ...DEFAULT_SETTINGS.accessAnalyzer, enable: true, endpoint: fake.url },
  };
}

const finding = (span: unknown) => ({
  findingDetails: 'Using a wildcard in the resource with iam:PassRole can allow passing any role.',
  findingType: 'SECURITY_WARNING',
  issueCode: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  learnMoreLink: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
  locations: [{ path: [{ value: 'Statement' }, { index: 0 }, { value: 'Resource' }], span }],
});

suite('Access Analyzer edges (issue 17 item 9)', () => {
  test('a finding past the end of the document without an offset: positions stay numbers inside it', async () => {
    const { svc } = service();
    fake.faults.push({
      kind: 'respond',
      status: 200,
      body: {
        findings: [finding({ start: { line: 400, column: 2 }, end: { line: 401, column: 9 } }), finding({ start: {}, end: { line: 2 } })],
      },
    });
    const t = target(POLICY);
    const status = await svc.validate(t);
    assert.equal(status.state, 'findings');
    const diagnostics = svc.diagnostics(t.document.uri, POLICY);
    assert.equal(diagnostics.length, 2);
    const lines = POLICY.split('\n');
    for (const d of diagnostics) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), JSON.stringify(d.range));
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, JSON.stringify(d.range));
      }
    }
    assert.deepEqual(diagnostics[0].range.start, { line: lines.length - 1, character: 1 }, 'past the end: the end of the text');
    svc.dispose();
  });

  test('a response over the size cap is refused with a clear message, quickly', async () => {
    const { svc } = service();
    const details = 'x'.repeat(1000);
    fake.faults.push({
      kind: 'respond',
      status: 200,
      body: {
        findings: Array.from({ length: 6000 }, () => ({
          ...finding({ start: { line: 1, column: 0, offset: 0 }, end: { line: 1, column: 1, offset: 1 } }),
          findingDetails: details,
        })),
      },
    });
    const status = await svc.validate(target(POLICY));
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /larger than 4 MB/);
    assert.doesNotMatch(status.message ?? '', /call stack/);
    svc.dispose();
  });

  test(`an endpoint that always returns nextToken costs at most ${MAX_PAGES} requests`, async () => {
    const api = createAccessAnalyzerApi({ region: 'us-east-1', endpoint: fake.url });
    for (let i = 0; i < 60; i++) {
      fake.faults.push({ kind: 'dynamic', respond: () => ({ status: 200, body: { findings: [], nextToken: `page-${i}` } }) });
    }
    await api.validatePolicy({ policyDocument: POLICY, policyType: 'IDENTITY_POLICY' }, AbortSignal.timeout(10000));
    assert.equal(fake.requests.length, MAX_PAGES);
    // and one that repeats its token stops at once
    fake.requests.length = 0;
    fake.faults.length = 0;
    for (let i = 0; i < 10; i++) {
      fake.faults.push({ kind: 'dynamic', respond: () => ({ status: 200, body: { findings: [], nextToken: 'same' } }) });
    }
    await api.validatePolicy({ policyDocument: POLICY, policyType: 'IDENTITY_POLICY' }, AbortSignal.timeout(10000));
    assert.equal(fake.requests.length, 2);
    api.destroy();
  });

  test('an endpoint that echoes the session token: never in a message, a status or a log line', async () => {
    const { svc, statuses, logs } = service();
    const echo = (status: number) => ({
      kind: 'dynamic' as const,
      respond: (request: { headers: Record<string, unknown> }) => {
        const token = String(request.headers['x-amz-security-token'] ?? '');
        const authorization = String(request.headers.authorization ?? '');
        return {
          status,
          headers: { 'x-amzn-ErrorType': status === 400 ? `ValidationException:${token}` : 'InternalServerException' },
          body: { message: `bad token ${token} for ${authorization}`, findings: [] },
        };
      },
    });
    fake.faults.push(echo(400));
    const rejected = await svc.validate(target(POLICY));
    assert.equal(rejected.state, 'error');
    fake.faults.push(echo(500), echo(500), echo(500));
    const failed = await svc.validate(target(`${POLICY}\n`));
    assert.equal(failed.state, 'error');
    assert.equal(fake.requests[0].headers['x-amz-security-token'], SESSION_TOKEN, 'the token was sent (and echoed)');
    let custom = '';
    fake.faults.push(echo(400));
    await svc
      .customCheck('file:///ws/edge.json', target(POLICY).settings, (api, signal) =>
        api.checkNoPublicAccess({ policyDocument: POLICY, resourceType: 'AWS::S3::Bucket' }, signal),
      )
      .catch((err: Error) => {
        custom = err.message;
      });
    assert.ok(custom.length > 0);
    const everything = [JSON.stringify(statuses), logs.join('\n'), custom, JSON.stringify(rejected), JSON.stringify(failed)].join('\n');
    assert.ok(!everything.includes(SESSION_TOKEN), everything);
    assert.ok(!everything.includes('AKIAFAKEFAKEFAKEFAKE'), 'nor the access key id of the Authorization header');
    assert.ok(!/Signature=[0-9a-f]{16}/.test(everything), 'nor the signature');
    svc.dispose();
  });
});
