/**
 * "Can this policy …?" over the protocol: workspace/executeCommand iamPolicy.simulate returns what
 * `iam-policy-lint simulate --format json` prints (the same engine, the same JSON), plus the
 * localized Markdown explanation when asked; iamPolicy.simulateOptions feeds the input flow.
 */
import { strict as assert } from 'node:assert';
import { runCli } from '../cli/runCli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type LspClient } from './harness';
import { sharedServer, type SharedLspClient } from './sharedServer';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadFromOffice",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*"],
      "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } }
    },
    {
      "Sid": "NoDeletes",
      "Effect": "Deny",
      "Action": "s3:Delete*",
      "Resource": "*"
    }
  ]
}
`;

suite('LSP over stdio: iamPolicy.simulate', () => {
  let dir: string;
  let file: string;
  let uri: string;
  let client: SharedLspClient;
  let ja: LspClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-simulate-'));
    file = path.join(dir, 'app.json');
    fs.writeFileSync(file, policy);
    uri = pathToFileURL(file).href;
    client = await sharedServer();
    const init = client.initResult;
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('iamPolicy.simulate'));
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('iamPolicy.simulateOptions'));
    client.open(uri, policy);
    ja = await sharedServer({ locale: 'ja' });
    ja.open(uri, policy);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // the shipped CLI bundle, run in this process (test/cli/runCli.ts); a denied request exits 1 with the same JSON
  const cli = async (args: string[]) =>
    JSON.parse((await runCli(['simulate', 'app.json', ...args, '--format', 'json'], { cwd: dir, env: { LANG: 'C' } })).stdout) as unknown;

  test('the result equals the CLI simulate --format json output, for allowed and denied requests', async () => {
    for (const [request, args] of [
      [
        { action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/report.csv', context: { 'aws:SourceIp': '10.1.2.3' } },
        ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::app-data/report.csv', '--context', 'aws:SourceIp=10.1.2.3'],
      ],
      [
        { action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/report.csv', context: ['aws:SourceIp=192.0.2.1'] },
        ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::app-data/report.csv', '--context', 'aws:SourceIp=192.0.2.1'],
      ],
      [
        { action: 's3:DeleteObject', resource: 'arn:aws:s3:::app-data/x', principal: 'arn:aws:iam::123456789012:role/app' },
        ['--action', 's3:DeleteObject', '--resource', 'arn:aws:s3:::app-data/x', '--principal', 'arn:aws:iam::123456789012:role/app'],
      ],
    ] as const) {
      const viaLsp = await client.executeCommand('iamPolicy.simulate', [{ uri, ...request }]);
      assert.deepEqual(viaLsp, await cli([...args]), JSON.stringify(request));
    }
  });

  test('the explanation names the deciding statement and each condition key/value with true or false', async () => {
    const out = (await client.executeCommand('iamPolicy.simulate', [
      { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/a', context: { 'aws:SourceIp': '192.0.2.1' }, markdown: true },
    ])) as { decision: string; reasonId: string; statements: { sid: string; matched: boolean; line: number }[]; markdown: string };
    assert.equal(out.decision, 'implicitDeny');
    assert.equal(out.reasonId, 'noIdentityAllows');
    assert.deepEqual(
      out.statements.map((s) => [s.sid, s.matched, s.line]),
      [['ReadFromOffice', false, 4]],
    );
    const md = out.markdown;
    assert.match(md, /^# Can app\.json do s3:GetObject\?/);
    assert.match(md, /## ⛔ Denied \(implicit deny\)/);
    assert.match(md, /No identity-based policy allows the action\./);
    assert.match(md, /#### ✗ Allow · statement "ReadFromOffice" \(app\.json:4\): conditions not met/);
    assert.match(md, /\| ✗ false \| `IpAddress` \| `aws:SourceIp` \| `10\.0\.0\.0\/8` \| `192\.0\.2\.1` \|/);
    const allowed = (await client.executeCommand('iamPolicy.simulate', [
      { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/a', context: { 'aws:SourceIp': '10.9.9.9' }, markdown: true },
    ])) as { markdown: string };
    assert.match(allowed.markdown, /## ✅ Allowed/);
    assert.match(allowed.markdown, /### Deciding statements\n\n- Allow · statement "ReadFromOffice" \(app\.json:4\)/);
    assert.match(allowed.markdown, /\| ✓ true \| `IpAddress` \| `aws:SourceIp` \| `10\.0\.0\.0\/8` \| `10\.9\.9\.9` \|/);
    // no context: the key is absent
    const absent = (await client.executeCommand('iamPolicy.simulate', [
      { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/a', markdown: true },
    ])) as { markdown: string };
    assert.match(absent.markdown, /\| `aws:SourceIp` \| `10\.0\.0\.0\/8` \| \(absent\) \|/);
  });

  test('Japanese: the same explanation in the display language', async () => {
    const out = (await ja.executeCommand('iamPolicy.simulate', [
      { uri, action: 's3:DeleteObject', resource: 'arn:aws:s3:::app-data/x', markdown: true },
    ])) as { decision: string; markdown: string };
    assert.equal(out.decision, 'explicitDeny');
    assert.match(out.markdown, /^# app\.json は s3:DeleteObject を実行できるか\?/);
    assert.match(out.markdown, /## ⛔ 明示的な拒否/);
    assert.match(out.markdown, /明示的な拒否はすべての許可に優先します/);
    assert.match(out.markdown, /### 決定したステートメント\n\n- Deny · ステートメント "NoDeletes" \(app\.json:11\)/);
  });

  test('bad arguments get a clear error, never a crash', async () => {
    for (const args of [[], [{}], [{ uri }], [{ uri, action: '' }], ['s3:GetObject']]) {
      const r = (await client.executeCommand('iamPolicy.simulate', args)) as { error?: string };
      assert.match(r.error ?? '', /iamPolicy\.simulate needs one argument/, JSON.stringify(args));
    }
    const notOpen = (await client.executeCommand('iamPolicy.simulate', [{ uri: 'file:///nope.json', action: 's3:GetObject' }])) as {
      error?: string;
    };
    assert.match(notOpen.error ?? '', /is not open or holds no IAM policy/);
    const badContext = (await client.executeCommand('iamPolicy.simulate', [{ uri, action: 's3:GetObject', context: ['novalue'] }])) as {
      error?: string;
    };
    assert.equal(badContext.error, 'A context entry needs the form key=value, not "novalue".');
    // the server still answers
    const ok = (await client.executeCommand('iamPolicy.simulate', [
      { uri, action: 's3:ListBucket', resource: 'arn:aws:s3:::app-data' },
    ])) as {
      decision: string;
    };
    assert.equal(ok.decision, 'implicitDeny');
  });

  test('simulateOptions: the policy actions first, then the catalog; its resources and condition keys with their values', async () => {
    const o = (await client.executeCommand('iamPolicy.simulateOptions', [uri])) as {
      actions: { action: string; accessLevel: string; inPolicy: boolean }[];
      resources: string[];
      conditionKeys: { key: string; values: string[] }[];
    };
    const first = o.actions.filter((a) => a.inPolicy).map((a) => a.action);
    assert.ok(first.includes('s3:GetObject') && first.includes('s3:ListBucket') && first.includes('s3:DeleteObject'), first.join());
    assert.ok(first.every((a) => a.startsWith('s3:')));
    assert.deepEqual(
      o.actions.slice(0, first.length).map((a) => a.action),
      first,
    );
    assert.ok(o.actions.length > 10000, 'the whole catalog follows');
    assert.equal(new Set(o.actions.map((a) => a.action)).size, o.actions.length, 'no action twice');
    assert.equal(o.actions.find((a) => a.action === 's3:GetObject')?.accessLevel, 'Read');
    assert.deepEqual(o.resources, ['arn:aws:s3:::app-data', 'arn:aws:s3:::app-data/*', '*']);
    assert.deepEqual(o.conditionKeys, [{ key: 'aws:SourceIp', values: ['10.0.0.0/8'] }]);
  });
});
