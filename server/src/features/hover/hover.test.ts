import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { caret, policyOf, testCatalog, textDocument } from '../../testing/fixtures';
import { getHover } from './hover';

function hover(textWithCaret: string): string | undefined {
  const { text, offset } = caret(textWithCaret);
  const result = getHover(
    { catalog: testCatalog(), document: textDocument(text), policy: policyOf(text), now: new Date('2026-11-22T00:00:00Z') },
    offset,
  );
  if (!result) {
    return undefined;
  }
  return typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : String(result.contents);
}

suite('hover', () => {
  test('an action: description, access level, resource types, condition keys, docs link, data date', () => {
    const h = hover('{"Statement": [{"Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*"}]}')!;
    assert.match(h, /`s3:GetObject`\*\* · Read/);
    assert.match(h, /retrieve objects/i);
    assert.match(h, /arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/);
    assert.match(h, /Condition keys:/);
    assert.match(h, /list_amazons3\.html/);
    assert.match(h, /IAM data: @cloud-copilot\/iam-data@/);
  });

  test('a wildcard: count per access level and the list', () => {
    const h = hover('{"Statement": [{"Effect": "Allow", "Action": "s3:Get|*", "Resource": "*"}]}')!;
    const n = testCatalog().matchActions('s3:Get*').length;
    assert.match(h, new RegExp(`matches \\*\\*${n}\\*\\* actions`));
    assert.match(h, /\| Read \| \d+ \|/);
    assert.match(h, /`s3:GetBucketPolicy` \(Read\)/);
    assert.match(h, /and \d+ more \(\d+ in all\)/);
  });

  test('`*` says it matches everything, without listing', () => {
    const h = hover('{"Statement": [{"Effect": "Allow", "Action": "|*", "Resource": "*"}]}')!;
    assert.match(h, /every action/);
    assert.doesNotMatch(h, /`s3:GetObject`/);
  });

  test('an unknown action suggests the nearest', () => {
    const h = hover('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObjcet|", "Resource": "*"}]}')!;
    assert.match(h, /not a known Amazon S3 action/);
    assert.match(h, /Did you mean `s3:GetObject`/);
  });

  test('a condition key: type, description, supporting actions', () => {
    const h = hover(
      '{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedTo|Service": "x"}}}]}',
    )!;
    assert.match(h, /`iam:PassedToService`\*\* · String/);
    assert.match(h, /1 in this statement/);
  });

  test('a condition operator', () => {
    const h = hover('{"Statement": [{"Effect": "Allow", "Condition": {"ForAllValues:String|Equals": {"aws:TagKeys": "x"}}}]}')!;
    assert.match(h, /String operator/);
    assert.match(h, /ForAllValues/);
  });

  test('a statement: access levels per service, resources and conditions', () => {
    const h = hover(
      '{"Statement": [{"Sid": "Read", "Eff|ect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "ec2:DescribeInstances"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}',
    )!;
    assert.match(h, /\*\*Allow\*\* `Read`/);
    assert.match(h, /Amazon S3 \(s3\) \| Limited: List 1, Read 1/);
    assert.match(h, /Amazon EC2 \(ec2\) \| Limited: List 1/);
    assert.match(h, /1 bucket, 1 object pattern/);
    assert.match(h, /MFA required/);
  });

  test('NotAction and Deny are rendered as such', () => {
    const h = hover('{"Statement": [{"Eff|ect": "Deny", "NotAction": ["iam:*"], "Resource": "*"}]}')!;
    assert.match(h, /\*\*Deny\*\* — every action \*\*except\*\* the listed ones/);
    assert.match(h, /Denied access levels/);
    assert.doesNotMatch(h, /Identity and Access Management \(iam\)/);
  });

  test('the whole policy on "Statement"', () => {
    const h = hover(
      '{"Version": "2012-10-17", "State|ment": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}',
    )!;
    assert.match(h, /Policy summary\*\* · Identity policy \(inferred\)/);
    assert.match(h, /\| Amazon S3 \(s3\) \| List \(all \d+\), Read \(all \d+\)/);
    assert.match(h, /\| Write 1 \|$/m);
  });

  test('no hover outside anything meaningful', () => {
    assert.equal(hover('{"Statement": [], "Id": "x|"}'), undefined);
  });
});
