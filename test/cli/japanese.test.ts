/** iam-policy-lint in Japanese: LANG=ja_JP.UTF-8 (or --locale ja) localizes messages, JSON and SARIF keep English rule ids. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { FAKE_CREDENTIALS_ENV, FakeAccessAnalyzer } from '../accessAnalyzer/fakeServer';
import { runCli, spawnCliAsync } from './runCli';

const POLICY = '{ "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }] }\n';

/** The shipped bundle in this process on POLICY as stdin, with no locale variable but the ones given. */
function lint(args: string[], env: Record<string, string>) {
  return runCli(args, { input: POLICY, env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, LANGUAGE: undefined, ...env } });
}

suite('iam-policy-lint: Japanese', () => {
  test('LANG=ja_JP.UTF-8: Japanese messages, severities and summary; rule ids stay English', async () => {
    const r = await lint(['-'], { LANG: 'ja_JP.UTF-8' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /stdin\.json:1:\d+ 警告 missing-version "Version": "2012-10-17" を追加してください。/);
    assert.match(r.stdout, /service-wildcard "s3:\*" は s3 の \d+ 個すべてのアクション \([^)]*読み取り[^)]*\)/);
    assert.match(r.stdout, /✖ 1 個中 1 個のファイル \(1 個のポリシー\) に \d+ 件の問題があります \(エラー 0 件、警告 \d+ 件\)/);
    assert.doesNotMatch(r.stdout, /\bwarning\b|problems/);
  });

  test('LC_ALL=C wins over LANG; --locale wins over both', async () => {
    assert.match((await lint(['-'], { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).stdout, /warning missing-version Add "Version"/);
    assert.match((await lint(['--locale', 'ja', '-'], { LC_ALL: 'C' })).stdout, /警告 missing-version/);
    assert.match((await lint(['--locale=en', '-'], { LANG: 'ja_JP.UTF-8' })).stdout, /warning missing-version/);
    const bad = await lint(['--locale', 'xx', '-'], {});
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--locale must be en or ja/);
  });

  test("integ's messages too: a bad --jobs, configuration problems, the usage of the new options", async () => {
    const jobs = await lint(['--jobs', 'many', '-'], { LANG: 'ja_JP.UTF-8' });
    assert.equal(jobs.code, 2);
    assert.match(jobs.stderr, /--jobs は正の数または auto です \("many" は使えません\)\n使い方は iam-policy-lint --help/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-ja-config-'));
    try {
      const config = path.join(dir, '.iampolicy.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'resource-str': 'off' } }));
      const r = await lint(['--config', config, '-'], { LANG: 'ja_JP.UTF-8' });
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /無効な設定 .*\.iampolicy\.json: rules\.resource-str: 不明なルール ID "resource-str" \("resource-star" ではありませんか\?\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const help = await lint(['--help'], { LANG: 'ja_JP.UTF-8' });
    assert.match(help.stdout, /--max-size <MB> {13}これより大きいファイルは/);
    assert.match(help.stdout, /iam-policy-lint simulate \| diff \| test/);
  });

  test('JSON and SARIF: localized messages, English rule ids and severities; SARIF links the English README', async () => {
    const json = JSON.parse((await lint(['-f', 'json', '-'], { LANG: 'ja_JP.UTF-8' })).stdout) as {
      diagnostics: { ruleId: string; severity: string; message: string; docs?: string }[];
    }[];
    const d = json[0].diagnostics.find((x) => x.ruleId === 'missing-version')!;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /を追加してください/);
    // the Japanese page shipped in the package (dist/rules/<id>.ja.md), or the repository's README.ja.md
    assert.match(d.docs ?? '', /missing-version(\/README)?\.ja\.md$/);
    const sarif = JSON.parse((await lint(['-f', 'sarif', '-'], { LANG: 'ja_JP.UTF-8' })).stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; message: { text: string } }[] }[];
    };
    const result = sarif.runs[0].results.find((x) => x.ruleId === 'missing-version')!;
    assert.match(result.message.text, /を追加してください/);
    const rule = sarif.runs[0].tool.driver.rules.find((x) => x.id === 'missing-version')!;
    assert.match(rule.helpUri ?? '', /missing-version(\/README)?\.md$/);
  });
});

suite('iam-policy-lint --access-analyzer in Japanese', () => {
  const fake = new FakeAccessAnalyzer();
  before(() => fake.start());
  after(() => fake.stop());

  test('ValidatePolicy is asked for Japanese findings (locale JA)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-lint-ja-'));
    const file = path.join(dir, 'ja-policy.json');
    fs.writeFileSync(file, POLICY);
    const env = {
      ...FAKE_CREDENTIALS_ENV,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      LANG: 'ja_JP.UTF-8',
      NO_COLOR: '1',
    };
    const before = fake.requests.length;
    // spawns: the AWS SDK reads its credentials from the process environment (FAKE_CREDENTIALS_ENV)
    await spawnCliAsync(['--access-analyzer', '--endpoint', fake.url, file], { env: { LC_ALL: '', ...env } });
    fs.rmSync(dir, { recursive: true, force: true });
    const sent = fake.requests.slice(before);
    assert.ok(sent.length > 0, 'a request was sent');
    assert.equal((sent[0].body as { locale?: string }).locale, 'JA');
  });
});
