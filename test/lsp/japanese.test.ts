/** The server in Japanese: initialize's locale (or the displayLanguage option) picks the catalog. */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import { caretPosition, itemsOf, LspClient } from './harness';
import { sharedServer } from './sharedServer';

const POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:Get*",\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}';
const hasKana = /[\u3040-\u30ff]/;

suite('LSP over stdio: Japanese', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    // as VS Code: the client announces its commands (the docs and disable actions use them)
    await client.initialize({
      locale: 'ja',
      initializationOptions: {
        clientCommands: ['iamPolicy.disableRuleForFile', 'iamPolicy.openRuleDocumentation', 'iamPolicy.showSummary'],
      },
    });
  });
  after(async () => {
    await client.shutdown();
  });

  test('a diagnostic is in Japanese, its rule id stays English, its documentation link is the Japanese README', async () => {
    const uri = 'file:///ws/ja.json';
    client.open(uri, '{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }');
    const diagnostics = await client.diagnostics(uri);
    const version = diagnostics.find((d) => d.code === 'missing-version');
    assert.ok(version, JSON.stringify(diagnostics));
    assert.equal(
      version.message,
      '"Version": "2012-10-17" を追加してください。ない場合、IAM は 2008-10-17 のポリシー言語を使用し、ポリシー変数をただの文字列として扱います。',
    );
    const href = version.codeDescription?.href;
    if (href) {
      assert.match(href, /missing-version\.ja\.md$/);
    }
  });

  test('a hover on a wildcard counts its actions by Japanese access level', async () => {
    const { text, position } = caretPosition(
      '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:Get|*", "Resource": "*" }] }',
    );
    client.open('file:///ws/hover-ja.json', text);
    const hover = await client.hover('file:///ws/hover-ja.json', position);
    assert.ok(hover);
    const value = JSON.stringify(hover.contents);
    assert.match(value, /\*\*\d+\*\* 個のアクションに一致します/);
    assert.match(value, /アクセスレベル/);
    assert.match(value, /読み取り/);
    assert.doesNotMatch(value, /matches|Access level/);
  });

  test('code lenses and quick-fix titles are in Japanese', async () => {
    const uri = 'file:///ws/lens-ja.json';
    client.open(uri, POLICY);
    const lenses = (await client.codeLenses(uri)) ?? [];
    assert.equal(lenses.length, 2);
    assert.match(lenses[0].command?.title ?? '', /^許可 · s3: 読み取り \d+ · すべてのリソース$/);
    const diagnostics = await client.diagnostics(uri);
    const redundant = diagnostics.find(
      (d) => d.code === 'redundant-action' || d.code === 'mergeable-statements' || d.code === 'resource-star',
    );
    const all = diagnostics.filter((d) => d.source === 'iam-policy');
    assert.ok(all.length > 0);
    for (const d of all) {
      assert.match(String(d.message), hasKana, String(d.message));
    }
    const target = redundant ?? all[0];
    const actions = (await client.codeActions(uri, target.range, [target], ['quickfix'])) ?? [];
    assert.ok(actions.length > 0);
    const docs = actions.find((a) => a.title.endsWith('のドキュメントを開く'));
    assert.ok(docs, actions.map((a) => a.title).join(' | '));
    assert.ok(
      actions.some((a) => a.title.startsWith('このファイルで ')),
      actions.map((a) => a.title).join(' | '),
    );
  });

  test('completion details name access levels in Japanese', async () => {
    const { text, position } = caretPosition(
      '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetOb|", "Resource": "*" }] }',
    );
    client.open('file:///ws/complete-ja.json', text);
    const items = itemsOf(await client.complete('file:///ws/complete-ja.json', position));
    const item = items.find((i) => i.label === 's3:GetObject');
    assert.ok(
      item,
      items
        .slice(0, 5)
        .map((i) => i.label)
        .join(', '),
    );
    assert.equal(item.detail, '読み取り');
  });

  test('the displayLanguage initialization option works the same; without it the server speaks English', async () => {
    const viaOption = new LspClient();
    await viaOption.initialize({ initializationOptions: { displayLanguage: 'ja' } });
    const english = await sharedServer();
    try {
      const text = '{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }';
      viaOption.open('file:///ws/a.json', text);
      english.open('file:///ws/a.json', text);
      const ja = (await viaOption.diagnostics('file:///ws/a.json')).find((d) => d.code === 'missing-version');
      const en = (await english.diagnostics('file:///ws/a.json')).find((d) => d.code === 'missing-version');
      assert.match(String(ja?.message ?? ''), hasKana);
      assert.match(String(en?.message ?? ''), /^Add "Version": "2012-10-17"/);
    } finally {
      await viaOption.shutdown();
    }
  });
});
