/** Condition operators are ranked by the type of the keys already under them, over stdio. */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { type LspClient, caretPosition, itemsOf } from './harness';
import { sharedServer } from './sharedServer';

const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${condition}}\n  ]\n}`;

suite('LSP over stdio: operators ranked by the key type', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  let n = 0;
  async function ranked(conditionWithCaret: string): Promise<string[]> {
    const { text, position } = caretPosition(policy(conditionWithCaret));
    const uri = `file:///ws/op-${n++}.json`;
    client.open(uri, text);
    return itemsOf(await client.complete(uri, position))
      .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
      .map((i) => i.label);
  }

  test('an IP key: IpAddress and NotIpAddress first', async () => {
    const labels = await ranked('{"|": {"aws:SourceIp": "203.0.113.0/24"}}');
    assert.deepEqual(labels.slice(0, 2), ['IpAddress', 'NotIpAddress']);
    assert.ok(labels.indexOf('ArnEquals') > labels.indexOf('NotIpAddressIfExists'));
  });

  test('an ARN key: the ARN operators first, the string ones after', async () => {
    const labels = await ranked('{"|": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/r"}}');
    assert.deepEqual(labels.slice(0, 4).sort(), ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);
    assert.ok(labels.indexOf('StringLike') < labels.indexOf('NumericEquals'));
  });

  test('a multivalued key: the set operators first', async () => {
    const labels = await ranked('{"|": {"aws:TagKeys": ["team"]}}');
    assert.match(labels[0], /^(ForAllValues|ForAnyValue):String/);
    assert.ok(labels.indexOf('ForAnyValue:StringEquals') < labels.indexOf('StringEquals'));
  });
});
