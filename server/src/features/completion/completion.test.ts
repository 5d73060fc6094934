import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, caret, policyOf, testCatalog, textDocument } from '../../testing/fixtures';
import type { PolicyType } from '../../policy/model';
import { getCompletions, MAX_LIST_ITEMS, type StatementTemplate } from './completion';

interface Expected {
  label: string;
  /** the whole document after applying the item's edit (snippet markers removed) */
  resultText?: string;
  detail?: string | RegExp;
  notAvailable?: boolean;
}

function complete(textWithCaret: string, options: { policyType?: PolicyType; templates?: StatementTemplate[] } = {}) {
  const { text, offset } = caret(textWithCaret);
  const policy = policyOf(text, options.policyType ? { policyType: { type: options.policyType, source: 'setting' } } : {});
  const list = getCompletions({ catalog: testCatalog(), document: textDocument(text), policy, templates: options.templates ?? [] }, offset);
  return { text, list };
}

/** Strips snippet syntax: ${1:x} -> x, ${1|a,b|} -> a, $1 -> '' */
function unsnippet(text: string): string {
  return text
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function resultOf(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? unsnippet(edit.newText) : edit.newText;
  return applyEdits(text, [{ range: edit.range, newText }]);
}

function check(
  textWithCaret: string,
  expected: Expected[],
  options: { policyType?: PolicyType; templates?: StatementTemplate[] } = {},
): CompletionItem[] {
  const { text, list } = complete(textWithCaret, options);
  for (const e of expected) {
    const item = list.items.find((i) => i.label === e.label);
    if (e.notAvailable) {
      assert.equal(item, undefined, `${e.label} should not be offered`);
      continue;
    }
    assert.ok(
      item,
      `${e.label} should be offered; got ${list.items
        .slice(0, 20)
        .map((i) => i.label)
        .join(', ')}`,
    );
    if (e.detail !== undefined) {
      if (e.detail instanceof RegExp) {
        assert.match(item.detail ?? '', e.detail);
      } else {
        assert.equal(item.detail, e.detail);
      }
    }
    if (e.resultText !== undefined) {
      assert.equal(resultOf(text, item), e.resultText);
    }
  }
  return list.items;
}

suite('completion: keys', () => {
  test('top-level keys not yet present', () => {
    check('{\n  "Version": "2012-10-17",\n  "|"\n}', [{ label: 'Statement' }, { label: 'Id' }, { label: 'Version', notAvailable: true }]);
  });

  test('statement keys: only those allowed for the policy type and not present', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "|"}]}';
    check(text, [
      { label: 'Action' },
      { label: 'NotAction' },
      { label: 'Resource' },
      { label: 'Condition' },
      { label: 'Principal', notAvailable: true },
      { label: 'Effect', notAvailable: true },
    ]);
    check(text, [{ label: 'Principal' }, { label: 'NotPrincipal' }], { policyType: 'resource' });
    check(text, [{ label: 'Resource', notAvailable: true }, { label: 'Principal' }], { policyType: 'trust' });
  });

  test('Action and NotAction exclude each other', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "s3:*", "|"}]}', [{ label: 'NotAction', notAvailable: true }]);
  });

  test('a key completion inserts the key and a value', () => {
    check('{"Statement": [{"Eff|"}]}', [{ label: 'Effect', resultText: '{"Statement": [{"Effect": "Allow"}]}' }]);
  });

  test('renaming an existing key replaces only the key', () => {
    check('{"Statement": [{"Acti|": "s3:GetObject"}]}', [{ label: 'Action', resultText: '{"Statement": [{"Action": "s3:GetObject"}]}' }]);
  });

  test('works in half-typed JSON with missing commas and no closing brackets', () => {
    check('{"Version": "2012-10-17"\n "Statement": [{"Effect": "Allow"\n "Res|', [{ label: 'Resource' }]);
  });
});

suite('completion: values', () => {
  test('Effect and Version', () => {
    check('{"Statement": [{"Effect": "|"}]}', [{ label: 'Allow', resultText: '{"Statement": [{"Effect": "Allow"}]}' }, { label: 'Deny' }]);
    check('{"Version": "20|", "Statement": []}', [{ label: '2012-10-17', resultText: '{"Version": "2012-10-17", "Statement": []}' }]);
  });

  test('service prefixes before the colon', () => {
    const items = check('{"Statement": [{"Effect": "Allow", "Action": ["s|"]}]}', [
      { label: 's3:', resultText: '{"Statement": [{"Effect": "Allow", "Action": ["s3:"]}]}' },
      { label: '*', notAvailable: true },
    ]);
    check('{"Statement": [{"Effect": "Allow", "Action": ["sq|"]}]}', [{ label: 'sqs:' }]);
    check('{"Statement": [{"Effect": "Allow", "Action": ["|"]}]}', [{ label: '*' }]);
    assert.ok(items.length <= MAX_LIST_ITEMS);
  });

  test('service prefixes are filtered on the server; every service is reachable by typing', () => {
    const { list } = complete('{"Statement": [{"Effect": "Allow", "Action": ["|"]}]}');
    assert.equal(list.isIncomplete, true, 'more services than fit in one list: the client must ask again');
    const ec2 = complete('{"Statement": [{"Effect": "Allow", "Action": ["ec2-in|"]}]}').list;
    assert.ok(ec2.items.some((i) => i.label === 'ec2-instance-connect:'));
    for (const service of testCatalog().services) {
      const { list: one } = complete(`{"Statement": [{"Effect": "Allow", "Action": ["${service.prefix}|"]}]}`);
      assert.ok(
        one.items.some((i) => i.label === `${service.prefix}:`),
        `${service.prefix}: offered when typed in full`,
      );
    }
  });

  test('actions after the colon, with the access level, replacing exactly the token', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetOb|"], "Resource": "*"}]}', [
      {
        label: 's3:GetObject',
        detail: 'Read',
        resultText: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}',
      },
      { label: 's3:PutObject', notAvailable: true },
      { label: 'ec2:RunInstances', notAvailable: true },
    ]);
  });

  test('mid-token and camel-case matches, as VS Code filters: GetOb, GOb, Object, ListBu', () => {
    for (const typed of ['GetOb', 'GOb', 'getob', 'Object', 'ObjTag']) {
      const { list } = complete(`{"Statement": [{"Effect": "Allow", "Action": ["s3:${typed}|"]}]}`);
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes(typed === 'ObjTag' ? 's3:GetObjectTagging' : 's3:GetObject'), `${typed}: ${labels.join(', ')}`);
      assert.ok(!labels.includes('s3:ListBuckets'), typed);
    }
    const status = complete('{"Statement": [{"Effect": "Allow", "Action": ["ec2:InstanceStat|"]}]}').list.items.map((i) => i.label);
    assert.ok(status.includes('ec2:DescribeInstanceStatus'), status.join(', '));
  });

  test('isIncomplete: a cut list is incomplete; a list with every match is complete and holds every later match', () => {
    const catalog = testCatalog();
    const ec2 = catalog.service('ec2')!;
    const cut = complete('{"Statement": [{"Effect": "Allow", "Action": ["ec2:|"]}]}').list;
    assert.equal(cut.isIncomplete, true);
    assert.ok(cut.items.length <= MAX_LIST_ITEMS);
    const full = complete('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObjectT|"]}]}').list;
    assert.equal(full.isIncomplete, false);
    const expected = catalog
      .service('s3')!
      .actions.filter((a) => a.name.startsWith('GetObjectT'))
      .map((a) => a.fullName);
    for (const name of expected) {
      assert.ok(
        full.items.some((i) => i.label === name),
        name,
      );
    }
    // monotone: whenever a list is complete, what the user types next only narrows it
    for (const typed of ['Sta', 'StartI', 'DescribeInstanceS', 'Tag', 'RunI']) {
      for (let n = 1; n <= typed.length; n++) {
        const list = complete(`{"Statement": [{"Effect": "Allow", "Action": ["ec2:${typed.slice(0, n)}|"]}]}`).list;
        if (list.isIncomplete) {
          continue;
        }
        const offered = new Set(list.items.map((i) => i.label));
        for (let m = n + 1; m <= typed.length; m++) {
          for (const item of complete(`{"Statement": [{"Effect": "Allow", "Action": ["ec2:${typed.slice(0, m)}|"]}]}`).list.items) {
            assert.ok(
              offered.has(item.label),
              `${item.label} for ${typed.slice(0, m)} but not in the complete list for ${typed.slice(0, n)}`,
            );
          }
        }
      }
    }
    assert.ok(ec2.actions.length > MAX_LIST_ITEMS);
  });

  test('an unclosed string gets its closing quote', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "s3:GetOb|', [
      { label: 's3:GetObject', resultText: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"' },
    ]);
  });

  test('wildcards with how many actions they match', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "s3:Ge|"}]}', [{ label: 's3:Get*', detail: /^\d+ actions \(/ }]);
    const items = check('{"Statement": [{"Effect": "Allow", "Action": "s3:|"}]}', [
      { label: 's3:*', detail: /^all \d+ s3 actions$/ },
      { label: 's3:Get*', detail: /^\d+ actions \(/ },
      { label: 's3:List*' },
    ]);
    const getStar = items.find((i) => i.label === 's3:Get*')!;
    const count = Number(/^(\d+)/.exec(getStar.detail!)![1]);
    assert.equal(count, testCatalog().matchActions('s3:Get*').length);
  });

  test('ARN templates of the statement actions, as snippets', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"}]}', [
      {
        label: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
        detail: 's3 object',
        resultText: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::BucketName/ObjectName"}]}',
      },
      { label: '*' },
      { label: 'arn:${Partition}:s3:::${BucketName}', notAvailable: true },
    ]);
  });

  test('principal types and service principals', () => {
    check('{"Statement": [{"Effect": "Allow", "Principal": {"|"}}]}', [{ label: 'Service' }, { label: 'AWS' }, { label: 'Federated' }], {
      policyType: 'trust',
    });
    check('{"Statement": [{"Effect": "Allow", "Principal": {"Service": "|"}}]}', [
      { label: 'ec2.amazonaws.com', resultText: '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}}]}' },
      { label: 'lambda.amazonaws.com' },
    ]);
    check('{"Statement": [{"Effect": "Allow", "Principal": "|"}]}', [{ label: '*' }], { policyType: 'resource' });
  });
});

suite('completion: conditions', () => {
  test('operators, with IfExists and set qualifiers', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Condition": {"|"}}]}', [
      {
        label: 'StringEquals',
        resultText: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Condition": {"StringEquals": {\n\t"": ""\n}}}]}',
      },
      { label: 'StringEqualsIfExists' },
      { label: 'ForAnyValue:StringLike' },
      { label: 'ForAllValues:StringEquals' },
      { label: 'Null' },
      { label: 'NullIfExists', notAvailable: true },
    ]);
  });

  test('condition keys: global keys plus the keys of the statement actions', () => {
    const items = check(
      '{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"|"}}}]}',
      [
        { label: 'iam:PassedToService', detail: /String · 1 action in this statement/ },
        { label: 'aws:SourceIp' },
        { label: 'aws:ResourceTag/${TagKey}' },
        { label: 's3:prefix', notAvailable: true },
      ],
    );
    // the statement's own keys sort before the other global keys
    const rank = (label: string) => items.find((i) => i.label === label)!.sortText!;
    assert.ok(rank('iam:PassedToService') < rank('aws:SourceIp'));
  });

  test('templated keys become snippets with the tag key as a tab stop', () => {
    check('{"Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Condition": {"StringEquals": {"aws:Res|"}}}]}', [
      {
        label: 'aws:ResourceTag/${TagKey}',
        resultText:
          '{"Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Condition": {"StringEquals": {"aws:ResourceTag/TagKey": ""}}}]}',
      },
    ]);
  });

  test('condition values for Bool keys, regions and PassedToService', () => {
    check('{"Statement": [{"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "|"}}}]}', [
      { label: 'false' },
      { label: 'true' },
    ]);
    check('{"Statement": [{"Effect": "Deny", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["|"]}}}]}', [
      { label: 'eu-west-1' },
    ]);
    check('{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Condition": {"StringEquals": {"iam:PassedToService": "|"}}}]}', [
      { label: 'lambda.amazonaws.com' },
    ]);
  });
});

suite('completion: templates and robustness', () => {
  const templates: StatementTemplate[] = [
    { label: 'S3 read of one bucket', description: 'x', scope: 'statement', body: '{\n\t"Effect": "Allow"\n}' },
    { label: 'Empty policy', description: 'x', scope: 'policy', body: '{\n\t"Version": "2012-10-17",\n\t"Statement": []\n}' },
  ];

  test('statement templates inside the Statement array', () => {
    check('{"Version": "2012-10-17", "Statement": [\n  |\n]}', [{ label: 'S3 read of one bucket' }], { templates });
  });

  test('policy templates in an empty document', () => {
    check('|', [{ label: 'Empty policy', resultText: '{\n\t"Version": "2012-10-17",\n\t"Statement": []\n}' }], { templates });
  });

  test('nothing breaks at any offset of a policy', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:Get*"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
    for (let i = 0; i <= text.length; i++) {
      const list = getCompletions({ catalog: testCatalog(), document: textDocument(text), policy: policyOf(text) }, i);
      assert.ok(Array.isArray(list.items));
    }
  });
});
