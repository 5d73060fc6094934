/**
 * Issue 17 items 3 and 4: no policy text leaves the machine unless Access Analyzer is enabled in
 * a trusted workspace, for every command and argument shape (the billed custom checks too); and
 * the connection settings (region, profile, endpoint) come only from the global answer, whatever
 * a client answers for the document's scope.
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
const CHECKS = [
  'iamPolicy.accessAnalyzer.checkNoPublicAccess',
  'iamPolicy.accessAnalyzer.checkAccessNotGranted',
  'iamPolicy.accessAnalyzer.checkNoNewAccess',
];

suite('LSP over stdio: Access Analyzer sends nothing unless enabled and trusted', () => {
  const fake = new FakeAccessAnalyzer();
  before(() => fake.start());
  after(() => fake.stop());

  for (const [title, enable, isTrusted] of [
    ['enable: false in a trusted workspace', false, true],
    ['enable: true in an untrusted workspace', true, false],
  ] as const) {
    test(`${title}: every command, every argument shape, reaches nothing`, async () => {
      const client = new LspClient({
        env,
        settings: { accessAnalyzer: { enable, endpoint: fake.url, validateOn: 'change', debounce: 250 } },
      });
      try {
        await client.initialize({ initializationOptions: { isTrusted } });
        const uri = 'file:///ws/gate.json';
        client.open(uri, POLICY);
        await client.diagnostics(uri);
        const shapes = (command: string): unknown[][] => [
          [uri],
          [{ uri }],
          [{ uri, actions: ['iam:PassRole'], resources: ['*'], resourceType: 'AWS::S3::Bucket', existingPolicyDocument: POLICY }],
          [{ uri, existingPolicyDocument: POLICY }, 'extra', 42],
          command.endsWith('validate') ? [uri, { force: true }] : [{ uri, actions: [] }],
        ];
        for (const command of [...CHECKS, 'iamPolicy.accessAnalyzer.validate']) {
          for (const args of shapes(command)) {
            const result = (await client.executeCommand(command, args)) as { error?: string; state?: string };
            assert.ok(
              result.error !== undefined || result.state === 'off' || result.state === 'untrusted',
              `${command} ${JSON.stringify(args)}: ${JSON.stringify(result)}`,
            );
            if (result.error !== undefined) {
              assert.match(result.error, enable ? /untrusted/ : /Access Analyzer is off/);
            }
          }
        }
        client.change(uri, POLICY.replace('"Allow"', '"Allow" '));
        client.save(uri);
        await client.diagnostics(uri);
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(fake.requests.length, 0, `requests: ${fake.requests.map((r) => r.path).join(', ')}`);
      } finally {
        await client.shutdown();
      }
    });
  }
});

suite('LSP over stdio: region, profile and endpoint only from the global scope', () => {
  const trustedFake = new FakeAccessAnalyzer();
  const projectFake = new FakeAccessAnalyzer();
  let client: LspClient;
  before(async () => {
    await trustedFake.start();
    await projectFake.start();
    client = new LspClient({ env });
    // a client with per-project settings: the document's scope names another endpoint and region
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) =>
        item.section !== 'iamPolicy'
          ? null
          : item.scopeUri
            ? {
                accessAnalyzer: {
                  enable: true,
                  validateOn: 'save',
                  endpoint: projectFake.url,
                  region: 'eu-west-3',
                  profile: 'project-profile',
                },
              }
            : { accessAnalyzer: { enable: true, validateOn: 'save', endpoint: trustedFake.url, region: 'us-east-1' } },
      ),
    );
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    await trustedFake.stop();
    await projectFake.stop();
  });

  test('a workspace-scoped endpoint, region or profile is ignored', async () => {
    const uri = 'file:///ws/project/passrole.json';
    trustedFake.faults.push({ kind: 'respond', status: 200, body: { findings: [] } });
    client.open(uri, POLICY);
    const status = await client.waitFor<StatusParams>(
      'iamPolicy/status',
      (s) =>
        s.uri === uri &&
        (s.accessAnalyzer.state === 'ok' ||
          s.accessAnalyzer.state === 'findings' ||
          s.accessAnalyzer.state === 'error' ||
          s.accessAnalyzer.state === 'noCredentials'),
    );
    assert.notEqual(status.accessAnalyzer.state, 'noCredentials', 'the project profile was not used');
    assert.equal(projectFake.requests.length, 0, 'nothing went to the project endpoint');
    assert.equal(trustedFake.requests.length, 1);
    assert.match(String(trustedFake.requests[0].headers.authorization), /\/us-east-1\/access-analyzer\//);
  });
});
