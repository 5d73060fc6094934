import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { policyOf } from '../testing/fixtures';
import { inferPolicyType, explicitPolicyType } from './policyType';
import { looksLikePolicy } from './detect';
import { parseJson } from '../syntax/parseJson';

suite('parsePolicy', () => {
  test('normalises string-or-array elements and keeps paths and nodes', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'] }],
    });
    const policy = policyOf(text);
    assert.equal(policy.version?.value, '2012-10-17');
    assert.equal(policy.statements.length, 1);
    const s = policy.statements[0];
    assert.equal(s.index, 0);
    assert.deepEqual(s.path, ['Statement', 0]);
    assert.equal(s.sid?.value, 'A');
    assert.equal(s.action?.isArray, false);
    assert.deepEqual(
      s.action?.values.map((v) => v.value),
      ['s3:GetObject'],
    );
    assert.deepEqual(s.action?.values[0].path, ['Statement', 0, 'Action']);
    assert.deepEqual(
      s.resource?.values.map((v) => v.path),
      [
        ['Statement', 0, 'Resource', 0],
        ['Statement', 0, 'Resource', 1],
      ],
    );
    const node = s.resource!.values[1].node;
    assert.equal(text.substr(node.offset, node.length), '"arn:aws:s3:::c/*"');
  });

  test('a single statement object has no index', () => {
    const policy = policyOf('{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}');
    assert.equal(policy.statements[0].index, undefined);
    assert.deepEqual(policy.statements[0].path, ['Statement']);
  });

  test('keeps values of the wrong type as invalid entries', () => {
    const policy = policyOf('{"Statement": [{"Effect": 1, "Action": ["s3:GetObject", 42, {"x": 1}], "Resource": "*"}, "oops"]}');
    assert.equal(policy.statements.length, 1);
    const s = policy.statements[0];
    assert.equal(s.effect, undefined);
    assert.deepEqual(
      s.action?.values.map((v) => v.value),
      ['s3:GetObject'],
    );
    assert.equal(s.action?.invalid.length, 2);
  });

  test('principals and conditions', () => {
    const policy = policyOf(
      JSON.stringify({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::111122223333:root'], Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': true }, NumericLessThan: { 'aws:MultiFactorAuthAge': [3600] } },
          },
        ],
      }),
    );
    const s = policy.statements[0];
    assert.deepEqual(
      s.principal?.entries.map((e) => [e.type, e.values.values.map((v) => v.value)]),
      [
        ['AWS', ['arn:aws:iam::111122223333:root']],
        ['Service', ['ec2.amazonaws.com']],
      ],
    );
    const clauses = s.condition!.clauses;
    assert.deepEqual(
      clauses.map((c) => c.operator),
      ['Bool', 'NumericLessThan'],
    );
    assert.equal(clauses[0].entries[0].values[0].value, 'true');
    assert.equal(clauses[0].entries[0].values[0].jsonType, 'boolean');
    assert.deepEqual(clauses[1].entries[0].values[0].path, ['Statement', 0, 'Condition', 'NumericLessThan', 'aws:MultiFactorAuthAge', 0]);
  });

  test('duplicate keys: the last one wins, both stay in elements', () => {
    const policy = policyOf('{"Statement": [{"Effect": "Allow", "Effect": "Deny"}]}');
    assert.equal(policy.statements[0].effect?.value, 'Deny');
    assert.equal(policy.statements[0].elements.filter((e) => e.name === 'Effect').length, 2);
  });

  test('never throws on garbage', () => {
    for (const text of ['', '[', '{"Statement":', '{"Statement": [{"Action": [', 'null', '42', '"x"', '{"Statement": [[]]}']) {
      const policy = policyOf(text);
      assert.ok(Array.isArray(policy.statements));
    }
  });
});

suite('policy type', () => {
  const statements = (json: object) => policyOf(JSON.stringify(json)).statements;

  test('no principal: identity', () => {
    assert.equal(inferPolicyType(statements({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })), 'identity');
  });

  test('principal with sts:AssumeRole: trust', () => {
    const s = statements({ Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    assert.equal(inferPolicyType(s), 'trust');
    const web = statements({
      Statement: [{ Effect: 'Allow', Principal: { Federated: 'x' }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }],
    });
    assert.equal(inferPolicyType(web), 'trust');
  });

  test('principal with other actions: resource', () => {
    const s = statements({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
    assert.equal(inferPolicyType(s), 'resource');
  });

  test('a glob wins over the setting; auto means infer', () => {
    const settings = { policyType: 'identity' as const, policyTypes: { '**/scp/**': 'scp' as const } };
    assert.deepEqual(
      explicitPolicyType(settings, (g) => g === '**/scp/**'),
      { type: 'scp', source: 'glob' },
    );
    assert.deepEqual(
      explicitPolicyType(settings, () => false),
      { type: 'identity', source: 'setting' },
    );
    assert.equal(
      explicitPolicyType({ policyType: 'auto', policyTypes: {} }, () => false),
      undefined,
    );
  });
});

suite('looksLikePolicy', () => {
  test('Statement or a policy Version makes a policy; other JSON does not', () => {
    assert.equal(looksLikePolicy(parseJson('{"Statement": []}')), true);
    assert.equal(looksLikePolicy(parseJson('{"Version": "2012-10-17"}')), true);
    assert.equal(looksLikePolicy(parseJson('{"Version": "1.0.0", "name": "x"}')), false);
    assert.equal(looksLikePolicy(parseJson('{"compilerOptions": {}}')), false);
    assert.equal(looksLikePolicy(parseJson('[{"Statement": []}]')), false);
  });
});
