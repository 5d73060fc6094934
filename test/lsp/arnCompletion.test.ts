/**
 * ARN completion continues after each typed segment: partitions, services, regions, account ids
 * used elsewhere in the file, then the typed service's resource types; applied, the text is a
 * whole ARN.
 */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient, caretPosition, itemsOf } from './harness';
import { sharedServer } from './sharedServer';
import { snippetDefaults } from './vscodeEdits';

const policy = (resource: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "${resource}"},\n    {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}\n  ]\n}`;

suite('LSP over stdio: ARN completion segment by segment', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  let n = 0;
  async function complete(resourceWithCaret: string): Promise<{ text: string; items: CompletionItem[]; typed: string }> {
    const { text, position } = caretPosition(policy(resourceWithCaret));
    const uri = `file:///ws/arn-${n++}.json`;
    client.open(uri, text);
    const items = itemsOf(await client.complete(uri, position));
    // what the editor filters on: the text from the start of the edit's range to the cursor
    return { text, items, typed: `"${resourceWithCaret.slice(0, resourceWithCaret.indexOf('|'))}` };
  }

  /** The items the editor would show for what is typed (filterText starts with it). */
  const shown = (items: CompletionItem[], typed: string) =>
    items.filter((i) => (i.filterText ?? i.label).toLowerCase().startsWith(typed.toLowerCase()));

  function apply(text: string, item: CompletionItem): string {
    const edit = item.textEdit as TextEdit;
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), [
      { range: edit.range, newText: snippetDefaults(edit.newText) },
    ]);
  }

  test("after the partition: services, the statement's first", async () => {
    const { items, typed } = await complete('arn:aws:|');
    const labels = shown(items, typed)
      .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
      .map((i) => i.label);
    assert.equal(labels[0], 'arn:aws:dynamodb:');
    assert.ok(labels.includes('arn:aws:s3:'));
  });

  test('after the service: regions, and the resource types continued', async () => {
    const { text, items, typed } = await complete('arn:aws:dynamodb:|');
    const labels = shown(items, typed).map((i) => i.label);
    assert.ok(labels.includes('arn:aws:dynamodb:us-east-1:'), labels.slice(0, 10).join());
    assert.ok(labels.includes('arn:aws:dynamodb:eu-west-1:'));
    const table = shown(items, typed).find((i) => i.label === 'arn:aws:dynamodb:${Region}:${Account}:table/${TableName}');
    assert.ok(table, labels.join());
    assert.equal(apply(text, table), policy('arn:aws:dynamodb:Region:Account:table/TableName'));
  });

  test('after the region: account ids used elsewhere in the file', async () => {
    const { items, typed } = await complete('arn:aws:dynamodb:us-east-1:|');
    const region = shown(items, typed).find((i) => i.label === 'arn:aws:dynamodb:us-east-1:111122223333:');
    assert.ok(
      region,
      shown(items, typed)
        .map((i) => i.label)
        .join(),
    );
    assert.equal(region.command?.command, 'editor.action.triggerSuggest');
  });

  test('after the account: the resource types, applied to a whole ARN', async () => {
    const { text, items, typed } = await complete('arn:aws:dynamodb:us-east-1:111122223333:|');
    const table = shown(items, typed).find((i) => i.label === 'arn:aws:dynamodb:us-east-1:111122223333:table/${TableName}');
    assert.ok(
      table,
      shown(items, typed)
        .map((i) => i.label)
        .join(),
    );
    assert.equal(apply(text, table), policy('arn:aws:dynamodb:us-east-1:111122223333:table/TableName'));
  });
});
