/**
 * iam-policy-lint simulate / diff / test with LANG=ja_JP.UTF-8 (issue 16): every line the user
 * reads is Japanese, except what the user or AWS wrote (actions, ARNs, condition keys and values,
 * file names, Sids) and the operators and Effect values of the policy language. A scan flags any
 * other ASCII word, so a new English string in these outputs fails here. JSON keys stay English.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { newPolicy, oldPolicy } from './accessPolicies';
import { root, runCli } from './runCli';

let tmp: string;
/** The shipped bundle in this process, in the temporary directory, with LANG=lang and no other locale variable. */
const run = (args: string[], lang = 'ja_JP.UTF-8') =>
  runCli(args, { cwd: tmp, env: { LANG: lang, LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined } });
const write = (name: string, value: unknown) => {
  fs.writeFileSync(path.join(tmp, name), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
};

/**
 * ASCII words (3+ letters) left in a text once what is not ours to translate is removed: quoted
 * values, ARNs, actions and condition keys (`x:y`), file paths, `key=value` context, CamelCase
 * operator names, Allow, Deny, true, false and IAM's abbreviations. Anything else is an English string we forgot.
 */
export function englishWords(text: string): string[] {
  const stripped = text
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\barn:\S+/g, ' ')
    .replace(/[\w./-]+\.(json|yaml|yml|tf)\b(:\d+)?/g, ' ')
    .replace(/\S+=\S+/g, ' ')
    .replace(/\b[\w-]+:[\w*?/-]+/g, ' ')
    .replace(/\b(?:ForAllValues:|ForAnyValue:)?[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b/g, ' ')
    .replace(/\b(Allow|Deny|IAM|AWS|SCP|RCP|JSON|ARN|true|false)\b/g, ' ');
  return [...new Set(stripped.match(/\b[A-Za-z]{3,}\b/g) ?? [])];
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-access-ja-'));
  write('old.json', oldPolicy);
  write('new.json', newPolicy);
  write('.iampolicy.json', {
    accessTests: [
      {
        name: '読み取り',
        policy: 'new.json',
        allows: [
          { action: 's3:GetObject', resource: 'arn:aws:s3:::data/x' },
          { action: 's3:DeleteObject', resource: 'arn:aws:s3:::data/x' },
        ],
        denies: [
          { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/x' },
          { action: 's3:PutObject', resource: 'arn:aws:s3:::data/x' },
        ],
        neverGrants: [{ actions: ['iam:*'] }, { actions: ['s3:Put*'], resources: ['arn:aws:s3:::data/*'] }],
      },
      {
        name: '起動',
        policy: 'new.json',
        allows: [{ action: 'ec2:StartInstances', resource: '*', context: { 'aws:ResourceTag/env': 'qa' } }],
      },
    ],
  });
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const noEnglish = (label: string, text: string) => assert.deepEqual(englishWords(text), [], `${label}:\n${text}`);

suite('iam-policy-lint access commands with LANG=ja_JP.UTF-8', () => {
  test('the scan finds English (it can fail)', async () => {
    assert.deepEqual(englishWords('allowed: allowed by statement "Read" of new.json'), ['allowed', 'statement']);
    assert.deepEqual(englishWords('許可: new.json のステートメント "Read" で許可されています'), []);
  });

  test('simulate: allowed, explicit deny, implicit deny with condition verdicts, an assumed identity policy', async () => {
    const allowed = await run(['simulate', 'new.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::data/x']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /^許可: new\.json のステートメント "Read" で許可されています\n/);
    assert.match(allowed.stdout, /許可 ステートメント "Read" \(new\.json:4\): 適用されます/);
    noEnglish('allowed', allowed.stdout);

    const denied = await run(['simulate', 'new.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::logs/x']);
    assert.equal(denied.code, 1);
    assert.match(denied.stdout, /^明示的な拒否: new\.json のステートメント "NoLogsWrite" で明示的に拒否されています/);
    noEnglish('explicit deny', denied.stdout);

    const implicit = await run([
      'simulate',
      'new.json',
      '--action',
      'ec2:StartInstances',
      '--resource',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
      '--context',
      'aws:ResourceTag/env=qa',
    ]);
    assert.equal(implicit.code, 1);
    assert.match(implicit.stdout, /^暗黙的な拒否: /);
    assert.match(implicit.stdout, /✗ StringEquals aws:ResourceTag\/env: aws:ResourceTag\/env "qa" は "dev", "prod" のどれにも一致しません/);
    assert.match(implicit.stdout, /コンテキスト: aws:ResourceTag\/env = qa/);
    noEnglish('implicit deny', implicit.stdout);

    const scp = await run([
      'simulate',
      '--scp',
      path.join(root, 'examples', 'deny-regions.scp.policy.json'),
      '--action',
      'ec2:RunInstances',
    ]);
    assert.match(scp.stdout, /仮定: プリンシパルのアイデンティティベースのポリシーがリクエストを許可すると仮定しました/);
    noEnglish('scp', scp.stdout);

    // JSON: keys and decision values stay English
    const json = JSON.parse(
      (await run(['simulate', 'new.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::logs/x', '--format', 'json'])).stdout,
    ) as {
      decision: string;
    };
    assert.equal(json.decision, 'explicitDeny');
  });

  test('diff: text and markdown', async () => {
    const text = await run(['diff', 'old.json', 'new.json']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\+ s3 書き込み \(1\): arn:aws:s3:::data\/\* に対する PutObject/);
    assert.match(text.stdout, /新しいリソース: arn:aws:s3:::logs\/\*/);
    assert.match(text.stdout, /緩められた条件: /);
    assert.match(text.stdout, /1 個のポリシーでアクセスのエントリが \d+ 個追加、\d+ 個削除されました/);
    noEnglish('diff text', text.stdout);

    const md = await run(['diff', 'old.json', 'new.json', '--format', 'markdown']);
    assert.match(md.stdout, /^## IAM アクセスの変更\n/);
    assert.match(md.stdout, /\| \| サービス \| アクセスレベル \| アクション \| リソース \|/);
    assert.match(md.stdout, /\*\*緩められた条件:\*\*/);
    noEnglish('diff markdown', md.stdout);

    const same = await run(['diff', 'old.json', 'old.json']);
    assert.match(same.stdout, /^アクセスの変更はありません \(1 個のポリシーを比較\)$/m);
    noEnglish('diff no change', same.stdout);
  });

  test('test: passing and failing expectations, never-grants, the summary', async () => {
    const r = await run(['test']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /✓ 読み取り: new\.json arn:aws:s3:::data\/x に対する s3:GetObject を許可する/);
    assert.match(r.stdout, /✗ 読み取り: new\.json arn:aws:s3:::data\/x に対する s3:DeleteObject を許可する\n {4}暗黙的な拒否: /);
    assert.match(r.stdout, /arn:aws:s3:::data\/\* に対する s3:Put\* を決して付与しない/);
    assert.match(r.stdout, /✖ \d+ 件中 \d+ 件のアクセステストが失敗しました/);
    noEnglish('test', r.stdout);
  });

  test('help and input errors', async () => {
    for (const command of ['simulate', 'diff', 'test']) {
      const help = await run([command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^使い方: iam-policy-lint /);
    }
    const missing = await run(['simulate', 'new.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /simulate には --action が必要です/);
    assert.match(missing.stderr, /使い方は iam-policy-lint simulate --help で確認できます。/);
    const unreadable = await run(['simulate', 'nope.json', '--action', 's3:GetObject']);
    assert.match(unreadable.stderr, /nope\.json: 読み込めません/);
    assert.match((await run(['diff', 'old.json'])).stderr, /diff には 2 つのファイル/);
    // --locale wins over the environment
    assert.match((await run(['simulate', 'new.json', '--locale', 'en'])).stderr, /simulate needs --action/);
    assert.match((await run(['simulate', 'new.json', '--locale=ja'], 'C')).stderr, /simulate には --action が必要です/);
  });
});
