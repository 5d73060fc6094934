/**
 * Issue 17: the --stdio server's Access Analyzer connection flags (--aws-region, --aws-profile,
 * --access-analyzer-endpoint) for editors without machine-scoped settings. They win over the
 * client's global answer; the document's scope never sets them. Bad values end the server with a
 * message (exit 2), in the environment's language.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { after, before, suite, test } from 'node:test';
import type { StatusParams } from '../../server/src/shared/protocol';
import { FAKE_CREDENTIALS_ENV, FakeAccessAnalyzer } from '../accessAnalyzer/fakeServer';
import { LspClient, serverBin } from './harness';

const POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}';
const env = {
  ...FAKE_CREDENTIALS_ENV,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
};

function run(args: string[], lang: string) {
  return spawnSync(process.execPath, [serverBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '', LANG: lang },
    input: '',
    timeout: 60_000,
  });
}

suite('LSP over stdio: --aws-region and --access-analyzer-endpoint win over the settings', () => {
  const flagFake = new FakeAccessAnalyzer();
  const globalFake = new FakeAccessAnalyzer();
  const projectFake = new FakeAccessAnalyzer();
  let client: LspClient;
  before(async () => {
    await flagFake.start();
    await globalFake.start();
    await projectFake.start();
    client = new LspClient({ env, args: ['--aws-region', 'eu-central-1', `--access-analyzer-endpoint=${flagFake.url}`] });
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) =>
        item.section !== 'iamPolicy'
          ? null
          : item.scopeUri
            ? { accessAnalyzer: { enable: true, validateOn: 'save', endpoint: projectFake.url, region: 'eu-west-3' } }
            : { accessAnalyzer: { enable: true, validateOn: 'save', endpoint: globalFake.url, region: 'us-east-1' } },
      ),
    );
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    await flagFake.stop();
    await globalFake.stop();
    await projectFake.stop();
  });

  test('ValidatePolicy goes to the flag endpoint, signed for the flag region', async () => {
    const uri = 'file:///ws/flags/passrole.json';
    flagFake.faults.push({ kind: 'respond', status: 200, body: { findings: [] } });
    client.open(uri, POLICY);
    const status = await client.waitFor<StatusParams>('iamPolicy/status', (s) =>
      ['ok', 'findings', 'error', 'noCredentials'].includes(s.uri === uri ? s.accessAnalyzer.state : ''),
    );
    assert.equal(status.accessAnalyzer.state, 'ok', JSON.stringify(status));
    assert.equal(globalFake.requests.length, 0, 'nothing went to the global endpoint');
    assert.equal(projectFake.requests.length, 0, 'nothing went to the project endpoint');
    assert.equal(flagFake.requests.length, 1);
    assert.match(String(flagFake.requests[0].headers.authorization), /\/eu-central-1\/access-analyzer\//);
  });
});

suite('iam-policy-language-server: command line', () => {
  test('--help lists the connection flags, in English and in Japanese', () => {
    const en = run(['--help'], 'en_US.UTF-8');
    assert.equal(en.status, 0);
    for (const flag of ['--aws-region', '--aws-profile', '--access-analyzer-endpoint', '--stdio']) {
      assert.ok(en.stdout.includes(flag), flag);
    }
    assert.match(en.stdout, /never\nfrom a workspace's settings/);
    const ja = run(['--help'], 'ja_JP.UTF-8');
    assert.equal(ja.status, 0);
    assert.match(ja.stdout, /使い方: iam-policy-language-server/);
    assert.match(ja.stdout, /--aws-region <region> +IAM Access Analyzer のリージョン/);
    assert.doesNotMatch(ja.stdout, /speak LSP|print this help/);
  });

  test('a bad value ends the server with a message and exit status 2, before any protocol', () => {
    for (const [args, pattern] of [
      [['--aws-region', 'Frankfurt'], /--aws-region must be an AWS Region such as us-east-1, not "Frankfurt"/],
      [['--aws-region'], /--aws-region needs a value/],
      [['--aws-region', '--stdio'], /--aws-region needs a value/],
      [['--access-analyzer-endpoint=file:///etc/passwd'], /--access-analyzer-endpoint must be an http or https URL/],
      [['--access-analyzer-endpoint', 'https://user:secret@example.com'], /must be an http or https URL without credentials/],
      [['--aws-profile', 'a b'], /--aws-profile must be a profile name/],
    ] as const) {
      const r = run(['--stdio', ...args], 'C.UTF-8');
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '', 'nothing on the protocol stream');
    }
    const ja = run(['--aws-region', 'Frankfurt'], 'ja_JP.UTF-8');
    assert.equal(ja.status, 2);
    assert.match(ja.stderr, /--aws-region には us-east-1 のような AWS リージョンを指定してください/);
    assert.match(ja.stderr, /使い方は iam-policy-language-server --help で確認できます。/);
  });
});
