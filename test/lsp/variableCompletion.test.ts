/** Policy variables are completed in Resource and condition values, over stdio; applied, the text is exact. */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient, caretPosition, itemsOf } from './harness';
import { sharedServer } from './sharedServer';
import { snippetDefaults } from './vscodeEdits';

const policy = (resource: string, value: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${resource}", "Condition": {"StringEquals": {"s3:prefix": "${value}"}}}\n  ]\n}`;

suite('LSP over stdio: policy variables', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  let n = 0;
  async function complete(textWithCaret: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = caretPosition(textWithCaret);
    const uri = `file:///ws/var-${n++}.json`;
    client.open(uri, text);
    return { text, items: itemsOf(await client.complete(uri, position)) };
  }

  function apply(text: string, item: CompletionItem): string {
    const edit = item.textEdit as TextEdit;
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), [
      { range: edit.range, newText: snippetDefaults(edit.newText) },
    ]);
  }

  test('in a Resource after "${": aws:username first, applied in place', async () => {
    const { text, items } = await complete(policy('arn:aws:s3:::b/home/${|', 'x'));
    assert.equal(
      items.filter((i) => i.kind === 6 /* Variable */).sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label,
      '${aws:username}',
    );
    const username = items.find((i) => i.label === '${aws:username}')!;
    assert.equal(apply(text, username), policy('arn:aws:s3:::b/home/${aws:username}', 'x'));
    assert.ok(
      items.every((i) => i.label.startsWith('${')),
      'only variables inside ${',
    );
  });

  test('in a condition value: the principal tag with its key as a tab stop', async () => {
    const { text, items } = await complete(policy('*', 'home/$|'));
    const tag = items.find((i) => i.label === '${aws:PrincipalTag/${TagKey}}');
    assert.ok(tag, items.map((i) => i.label).join());
    assert.match((tag.textEdit as TextEdit).newText, /\$\{1:TagKey\}/);
    assert.equal(apply(text, tag), policy('*', 'home/${aws:PrincipalTag/TagKey}'));
    assert.ok(items.some((i) => i.label === '${*}'));
  });

  test('no variables outside "${" (the usual items)', async () => {
    const { items } = await complete(policy('arn:aws:s3:::|', 'x'));
    assert.ok(!items.some((i) => i.label === '${aws:username}'));
  });
});
