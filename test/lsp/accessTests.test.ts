/**
 * Access tests in the editor over stdio: a diagnostic on each failing expectation of
 * `.iampolicy.json` naming the deciding statement, a lens on the policy ("2 access tests pass" /
 * "1 of 3 access tests fails"), both following edits of either file (open buffers, not disk).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type LspClient } from './harness';
import { sharedServer } from './sharedServer';

const policy = (actions: string) => `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "AppData", "Effect": "Allow", "Action": ${actions}, "Resource": "arn:aws:s3:::app-data/*" }
  ]
}
`;

const config = (tests: object[]) => `${JSON.stringify({ accessTests: tests }, null, 2)}\n`;
const appTest = {
  name: 'app role',
  policy: 'policies/app.json',
  allows: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/report.csv' }],
  denies: [{ action: 's3:DeleteObject', resource: 'arn:aws:s3:::app-data/report.csv' }],
  neverGrants: [{ actions: ['iam:*'] }],
};

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await get();
    if (ok(last)) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: last ${JSON.stringify(last)}`);
}

suite('LSP over stdio: access tests in the editor', () => {
  let dir: string;
  let policyUri: string;
  let configUri: string;
  let client: LspClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-access-tests-'));
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.writeFileSync(path.join(dir, 'policies', 'app.json'), policy('["s3:GetObject"]'));
    fs.writeFileSync(path.join(dir, '.iampolicy.json'), config([appTest]));
    policyUri = pathToFileURL(path.join(dir, 'policies', 'app.json')).href;
    configUri = pathToFileURL(path.join(dir, '.iampolicy.json')).href;
    client = await sharedServer();
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const accessLenses = async (uri: string) =>
    ((await client.codeLenses(uri)) ?? []).filter((l) => /access test/.test(l.command?.title ?? ''));
  const accessDiagnostics = async () => (await client.diagnostics(configUri)).filter((d) => d.code === 'access-test');

  test('a passing policy: the lens counts its expectations, the configuration has no diagnostic', async () => {
    client.open(policyUri, policy('["s3:GetObject"]'));
    const lenses = await accessLenses(policyUri);
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.range.start.line, l.command?.command, l.command?.arguments]),
      [['✓ 3 access tests pass', 0, 'iamPolicy.showAccessTests', [policyUri]]],
    );
    client.open(configUri, config([appTest]));
    assert.deepEqual(await accessDiagnostics(), []);
    // "accessTests" is a known key of the configuration
    assert.deepEqual(
      (await client.diagnostics(configUri)).map((d) => d.message),
      [],
    );
  });

  test('an edit of the policy (unsaved) fails an expectation: a diagnostic on it names the deciding statement; the lens follows', async () => {
    client.change(policyUri, policy('["s3:GetObject", "s3:DeleteObject"]'));
    const diagnostics = await until(accessDiagnostics, (d) => d.length === 1, 'a failing denies');
    const text = config([appTest]);
    const d = diagnostics[0];
    const lines = text.split('\n');
    // on the "denies" entry of the test
    assert.match(lines[d.range.start.line], /"action": "s3:DeleteObject"|\{/);
    assert.equal(
      d.message,
      'Access test "app role": expected s3:DeleteObject on arn:aws:s3:::app-data/report.csv to be denied, but statement "AppData" (policies/app.json:4) allows it.',
    );
    const start = text.indexOf('"denies"');
    assert.ok(d.range.start.line === text.slice(0, text.indexOf('{', start)).split('\n').length - 1, JSON.stringify(d.range));
    const lenses = await accessLenses(policyUri);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['✗ 1 of 3 access tests fails'],
    );
    const shown = client.waitFor<{ message: string }>('window/showMessage', (p) => p.message.startsWith('✗ 1 of 3'));
    const r = (await client.executeCommand('iamPolicy.showAccessTests', [policyUri])) as { passed: number; failed: number };
    assert.deepEqual([r.passed, r.failed], [2, 1]);
    assert.match(String((await shown).message), /statement "AppData" \(policies\/app\.json:4\) allows it/);
  });

  test('a neverGrants violation and a missing "allows" grant name their statements; an edit of the configuration updates', async () => {
    const withPass = policy('["s3:PutObject"]').replace(
      '\n  ]',
      ',\n    { "Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }\n  ]',
    );
    client.change(policyUri, withPass);
    const never = { ...appTest, denies: [], neverGrants: [{ actions: ['iam:*'], resources: ['*'] }] };
    client.change(configUri, config([never]));
    const diagnostics = await until(accessDiagnostics, (d) => d.length === 2, 'two failures');
    assert.deepEqual(
      diagnostics.map((x) => x.message),
      [
        'Access test "app role": expected s3:GetObject on arn:aws:s3:::app-data/report.csv to be allowed, but it is Denied (implicit deny): No identity-based policy allows the action.',
        'Access test "app role": the policy must never grant iam:*, but statement "Pass" (policies/app.json:5) allows iam:PassRole on *.',
      ],
    );
    assert.deepEqual(
      (await accessLenses(policyUri)).map((l) => l.command?.title),
      ['✗ 2 of 2 access tests fail'],
    );
  });

  test('a test that cannot run (a missing policy file) is reported on its "policy" value; Japanese in the display language', async () => {
    const missing = { name: 'gone', policy: 'policies/missing.json', allows: [{ action: 's3:GetObject' }] };
    const text = config([missing]);
    client.change(configUri, text);
    const diagnostics = await until(accessDiagnostics, (d) => d.length === 1 && /cannot run/.test(String(d[0].message)), 'a missing file');
    assert.equal(diagnostics[0].message, 'Access test "gone" cannot run: cannot read policies/missing.json');
    const valueAt = text.indexOf('"policies/missing.json"');
    assert.equal(diagnostics[0].range.start.character, valueAt - text.lastIndexOf('\n', valueAt) - 1);

    const ja = await sharedServer({ locale: 'ja' });
    try {
      ja.open(policyUri, policy('["s3:GetObject", "s3:DeleteObject"]'));
      const lenses = ((await ja.codeLenses(policyUri)) ?? []).filter((l) => /アクセステスト/.test(l.command?.title ?? ''));
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['✗ 3 件中 1 件のアクセステストが不合格'],
      );
      ja.open(configUri, config([appTest]));
      const jaDiagnostics = (await ja.diagnostics(configUri)).filter((d) => d.code === 'access-test');
      assert.deepEqual(
        jaDiagnostics.map((d) => d.message),
        [
          'アクセステスト "app role": arn:aws:s3:::app-data/report.csv に対する s3:DeleteObject は拒否されるはずですが、ステートメント "AppData" (policies/app.json:4) が許可しています。',
        ],
      );
    } finally {
      ja.close(policyUri);
      ja.close(configUri);
    }
  });
});
