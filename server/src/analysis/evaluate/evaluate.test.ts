/** The engine beyond the documented examples: every operator family, the element forms, policy types, and property tests. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testCatalog } from '../../testing/fixtures';
import { decideWithAssumptions } from './decide';
import { evaluate } from './evaluate';
import { decide, pol, stmts } from './testHelpers';
import type { EvalPolicy, EvalRequest } from './types';

const alice = { arn: 'arn:aws:iam::123456789012:user/alice' };
const req = (action: string, resource = '*', context?: EvalRequest['context']): EvalRequest => ({
  action,
  resource,
  principal: alice,
  ...(context ? { context } : {}),
});
const cond = (operator: string, key: string, values: unknown) =>
  pol(
    'identity',
    stmts({ Sid: 'C', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [operator]: { [key]: values } } }),
  );
const holds = (p: EvalPolicy, context?: EvalRequest['context']) => decide([p], req('s3:GetObject', '*', context)) === 'allowed';

test('actions: case-insensitive, * and ? wildcards, NotAction', () => {
  const p = pol('identity', stmts({ Effect: 'Allow', Action: ['S3:get*', 'ec2:Describe?nstances'], Resource: '*' }));
  assert.equal(decide([p], req('s3:GetObject')), 'allowed');
  assert.equal(decide([p], req('ec2:DescribeInstances')), 'allowed');
  assert.equal(decide([p], req('ec2:DescribeXXInstances')), 'implicitDeny');
  assert.equal(decide([p], req('s3:PutObject')), 'implicitDeny');
  const n = pol('identity', stmts({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
  assert.equal(decide([n], req('s3:PutObject')), 'allowed');
  assert.equal(decide([n], req('IAM:CreateUser')), 'implicitDeny');
});

test('resources: wildcards are case-sensitive, NotResource, a statement without Resource applies to nothing', () => {
  const p = pol('identity', stmts({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::Bucket/*' }));
  assert.equal(decide([p], req('s3:GetObject', 'arn:aws:s3:::Bucket/a/b')), 'allowed');
  assert.equal(decide([p], req('s3:GetObject', 'arn:aws:s3:::bucket/a')), 'implicitDeny');
  const nr = pol('identity', stmts({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret*' }));
  assert.equal(decide([nr], req('s3:GetObject', 'arn:aws:s3:::public/x')), 'allowed');
  assert.equal(decide([nr], req('s3:GetObject', 'arn:aws:s3:::secret/x')), 'implicitDeny');
  const none = pol('identity', stmts({ Effect: 'Allow', Action: 's3:*' }));
  assert.equal(decide([none], req('s3:GetObject', 'arn:aws:s3:::x/y')), 'implicitDeny');
});

test('string operators', () => {
  assert.ok(holds(cond('StringNotEquals', 'aws:PrincipalTag/team', 'red'), { 'aws:PrincipalTag/team': 'blue' }));
  assert.ok(!holds(cond('StringNotEquals', 'aws:PrincipalTag/team', ['red', 'blue']), { 'aws:PrincipalTag/team': 'blue' }));
  assert.ok(holds(cond('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', 'RED'), { 'aws:PrincipalTag/team': 'blue' }));
  assert.ok(!holds(cond('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', 'RED'), { 'aws:PrincipalTag/team': 'red' }));
  assert.ok(holds(cond('StringLike', 's3:prefix', 'home/?/*'), { 's3:prefix': 'home/a/docs' }));
  assert.ok(!holds(cond('StringLike', 's3:prefix', 'home/?/*'), { 's3:prefix': 'home/ab/docs' }));
  assert.ok(!holds(cond('StringLike', 's3:prefix', 'Home/*'), { 's3:prefix': 'home/x' }));
  assert.ok(holds(cond('StringNotLike', 's3:prefix', 'tmp/*'), { 's3:prefix': 'home/x' }));
  assert.ok(!holds(cond('StringEquals', 's3:prefix', 'a*'), { 's3:prefix': 'abc' }), 'StringEquals has no wildcards');
});

test('numeric, date, Boolean and binary operators', () => {
  const n = (op: string, v: string, r: string | number) => holds(cond(op, 's3:max-keys', v), { 's3:max-keys': r });
  assert.ok(n('NumericEquals', '10', 10) && !n('NumericEquals', '10', 11));
  assert.ok(n('NumericNotEquals', '10', 11) && !n('NumericNotEquals', '10', '10.0'));
  assert.ok(n('NumericLessThan', '10', 9) && !n('NumericLessThan', '10', 10));
  assert.ok(n('NumericGreaterThan', '10', 11) && !n('NumericGreaterThan', '10', 10));
  assert.ok(n('NumericGreaterThanEquals', '10', 10) && !n('NumericGreaterThanEquals', '10', 9));
  assert.ok(n('NumericLessThanEquals', '2.5', '2.5') && !n('NumericLessThanEquals', '2.5', 'abc'));
  const d = (op: string, v: string, r: string) => holds(cond(op, 'aws:CurrentTime', v), { 'aws:CurrentTime': r });
  assert.ok(d('DateLessThan', '2030-01-01T00:00:00Z', '2029-12-31T23:59:59Z'));
  assert.ok(!d('DateLessThan', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'));
  assert.ok(d('DateLessThanEquals', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'));
  assert.ok(d('DateEquals', '2030-01-01', '2030-01-01T00:00:00Z'));
  assert.ok(d('DateNotEquals', '2030-01-01', '2030-01-02'));
  assert.ok(d('DateGreaterThanEquals', '1893456000', '2030-01-01T00:00:00Z'), 'epoch seconds');
  assert.ok(holds(cond('Bool', 'aws:MultiFactorAuthPresent', 'true'), { 'aws:MultiFactorAuthPresent': true }));
  assert.ok(holds(cond('Bool', 'aws:MultiFactorAuthPresent', 'TRUE'), { 'aws:MultiFactorAuthPresent': 'true' }));
  assert.ok(!holds(cond('Bool', 'aws:MultiFactorAuthPresent', 'true'), {}), 'Bool is false on an absent key');
  assert.ok(holds(cond('BinaryEquals', 'k:bin', 'QmluYXJ5'), { 'k:bin': 'QmluYXJ5' }));
  assert.ok(!holds(cond('BinaryEquals', 'k:bin', 'QmluYXJ5'), { 'k:bin': 'qmluyxj5' }));
});

test('IP and ARN operators', () => {
  assert.ok(holds(cond('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16']), { 'aws:SourceIp': '172.16.0.1' }));
  assert.ok(!holds(cond('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8']), { 'aws:SourceIp': '10.200.0.1' }));
  assert.ok(holds(cond('IpAddress', 'aws:SourceIp', '::ffff:10.0.0.0/104'), { 'aws:SourceIp': '::ffff:10.1.1.1' }));
  assert.ok(holds(cond('IpAddress', 'aws:SourceIp', '0.0.0.0/0'), { 'aws:SourceIp': '8.8.8.8' }));
  assert.ok(!holds(cond('IpAddress', 'aws:SourceIp', '10.0.0.0/8'), { 'aws:SourceIp': 'not-an-ip' }));
  assert.ok(
    holds(cond('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/admin-*'), {
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/dev',
    }),
  );
  assert.ok(
    !holds(cond('ArnNotEquals', 'aws:PrincipalArn', 'arn:aws:iam::*:role/admin-*'), {
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin-x',
    }),
  );
  assert.ok(holds(cond('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-?'), { 'aws:SourceArn': 'arn:aws:s3:::bucket-1' }));
  assert.ok(!holds(cond('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket'), { 'aws:SourceArn': 'not-an-arn' }));
});

test('set operators with negated operators, IfExists and Null on multivalued keys', () => {
  const forAllNot = cond('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret', 'owner']);
  assert.ok(holds(forAllNot, { 'aws:TagKeys': ['env', 'team'] }));
  assert.ok(!holds(forAllNot, { 'aws:TagKeys': ['env', 'owner'] }));
  const forAnyNot = cond('ForAnyValue:StringNotLike', 'aws:TagKeys', ['env*']);
  assert.ok(holds(forAnyNot, { 'aws:TagKeys': ['env', 'team'] }));
  assert.ok(!holds(forAnyNot, { 'aws:TagKeys': ['environment'] }));
  assert.ok(!holds(forAnyNot, {}), 'ForAnyValue is false on an absent key');
  assert.ok(holds(cond('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['env']), {}), 'IfExists wins on an absent key');
  assert.ok(holds(cond('Null', 'aws:TagKeys', 'true'), { 'aws:TagKeys': [] }), 'an empty set is null');
  assert.ok(holds(cond('Null', 'aws:TagKeys', 'false'), { 'aws:TagKeys': ['a'] }));
  assert.ok(!holds(cond('Null', 'aws:TagKeys', 'false'), {}));
  // no set operator on a multivalued request key: any value matching is enough
  assert.ok(holds(cond('StringEquals', 'aws:TagKeys', 'env'), { 'aws:TagKeys': ['team', 'env'] }));
});

test('conditions: keys and operators are ANDed, values ORed; unknown operators never match', () => {
  const p = pol(
    'identity',
    stmts({
      Effect: 'Allow',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/a': ['1', '2'], 'aws:PrincipalTag/b': '3' }, Bool: { 'aws:SecureTransport': 'true' } },
    }),
  );
  const ctx = { 'aws:PrincipalTag/a': '2', 'aws:PrincipalTag/b': '3', 'aws:SecureTransport': true };
  assert.equal(decide([p], req('s3:GetObject', '*', ctx)), 'allowed');
  assert.equal(decide([p], req('s3:GetObject', '*', { ...ctx, 'aws:SecureTransport': false })), 'implicitDeny');
  assert.equal(decide([p], req('s3:GetObject', '*', { ...ctx, 'aws:PrincipalTag/b': '4' })), 'implicitDeny');
  const r = evaluate([cond('StringEqualz', 'aws:username', 'alice')], req('s3:GetObject'));
  assert.equal(r.decision, 'implicitDeny');
  assert.match(r.statements[0].conditions[0].reason, /unknown condition operator/);
});

test('explanation: matched statements and the key/value that decided each condition', () => {
  const p = pol(
    'identity',
    stmts({ Sid: 'Net', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
    'net.json',
  );
  const r = evaluate([p], req('s3:GetObject', '*', { 'aws:SourceIp': '10.1.2.3' }));
  assert.equal(r.decision, 'allowed');
  assert.equal(r.reason, 'allowed by statement "Net" of net.json');
  assert.deepEqual(
    r.statements[0].conditions.map((c) => [c.key, c.result, c.reason]),
    [['aws:SourceIp', true, 'aws:SourceIp value "10.1.2.3" matches "10.0.0.0/8"']],
  );
  const denied = evaluate([p], req('s3:GetObject', '*', { 'aws:SourceIp': '11.0.0.1' }));
  assert.equal(denied.decision, 'implicitDeny');
  assert.equal(denied.statements[0].matched, false);
  assert.match(denied.statements[0].conditions[0].reason, /matches none of "10.0.0.0\/8"/);
});

test('principals: accounts, role sessions, services, NotPrincipal', () => {
  const resource = (principal: object, extra: object = {}) =>
    pol('resource', stmts({ Sid: 'R', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...principal, ...extra }));
  const get = (principal: EvalRequest['principal'], policies: EvalPolicy[]) =>
    decide(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111122223333', principal });
  const allowAll = pol('identity', stmts({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const outsider = { arn: 'arn:aws:iam::444455556666:user/eve' };
  assert.equal(get(outsider, [resource({ Principal: '*' }), allowAll]), 'allowed');
  assert.equal(get(outsider, [resource({ Principal: { AWS: '444455556666' } }), allowAll]), 'allowed');
  assert.equal(get(outsider, [resource({ Principal: { AWS: 'arn:aws:iam::999999999999:root' } }), allowAll]), 'implicitDeny');
  assert.equal(
    get({ arn: 'arn:aws:sts::444455556666:assumed-role/Reader/s1' }, [
      resource({ Principal: { AWS: 'arn:aws:iam::444455556666:role/team/Reader' } }),
      allowAll,
    ]),
    'allowed',
  );
  assert.equal(get({ arn: 's3.amazonaws.com' }, [resource({ Principal: { Service: 's3.amazonaws.com' } })]), 'allowed');
  assert.equal(get({ arn: 'logs.amazonaws.com' }, [resource({ Principal: { Service: 's3.amazonaws.com' } })]), 'implicitDeny');
  // NotPrincipal in a Deny: naming the user alone still denies the user (the account must be listed too)
  const deny = (names: string[]) =>
    pol('resource', stmts({ Sid: 'D', Effect: 'Deny', NotPrincipal: { AWS: names }, Action: 's3:*', Resource: '*' }));
  const bob = { arn: 'arn:aws:iam::111122223333:user/bob' };
  const grant = resource({ Principal: { AWS: bob.arn } });
  assert.equal(get(bob, [grant, deny([bob.arn])]), 'explicitDeny');
  assert.equal(get(bob, [grant, deny([bob.arn, 'arn:aws:iam::111122223333:root'])]), 'allowed');
  assert.equal(
    get({ arn: 'arn:aws:iam::111122223333:user/carol' }, [grant, deny([bob.arn, 'arn:aws:iam::111122223333:root'])]),
    'explicitDeny',
  );
});

test('RCPs and SCP levels: every level must allow; Deny in an RCP wins', () => {
  const allowAll = pol('identity', stmts({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const scp = (action: string, layer: string): EvalPolicy => ({
    ...pol('scp', stmts({ Effect: 'Allow', Action: action, Resource: '*' })),
    layer,
  });
  const r = req('s3:GetObject', 'arn:aws:s3:::b/k');
  assert.equal(decide([allowAll, scp('s3:*', 'root'), scp('ec2:*', 'ou'), scp('s3:Get*', 'ou')], r), 'allowed');
  assert.equal(decide([allowAll, scp('s3:*', 'root'), scp('ec2:*', 'ou')], r), 'implicitDeny');
  const rcp = pol(
    'rcp',
    stmts(
      { Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' },
      {
        Sid: 'OrgOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-123' } },
      },
    ),
  );
  assert.equal(decide([allowAll, rcp], r), 'explicitDeny');
  assert.equal(decide([allowAll, rcp], { ...r, context: { 'aws:PrincipalOrgID': 'o-123' } }), 'allowed');
});

test('template-computed values are unknown: they grant nothing', () => {
  const p = pol('identity', stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  const dynamic = {
    ...p,
    document: {
      ...p.document,
      statements: p.document.statements.map((s) => ({
        ...s,
        action: s.action && { ...s.action, values: s.action.values.map((v) => ({ ...v, dynamic: 'Ref' })) },
      })),
    },
  };
  assert.equal(decide([dynamic], req('s3:GetObject')), 'implicitDeny');
});

// ---- properties ----------------------------------------------------------------------------

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'iam:PassRole', 'iam:CreateUser'];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', 'iam:*', '*', 'ec2:?unInstances'];
const RESOURCES = ['arn:aws:s3:::a/x', 'arn:aws:s3:::b/y', 'arn:aws:iam::123456789012:role/r', '*'];
const RESOURCE_PATTERNS = [...RESOURCES, 'arn:aws:s3:::a/*', 'arn:aws:s3:::*', 'arn:aws:iam::*:role/*'];
const CONDITIONS = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['env*'] } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner'] } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
];
const CONTEXTS: EvalRequest['context'][] = [
  {},
  { 'aws:PrincipalTag/team': 'blue', 'aws:SourceIp': '10.1.1.1', 'aws:TagKeys': ['env'] },
  { 'aws:PrincipalTag/team': 'red', 'aws:SourceIp': '8.8.8.8', 'aws:TagKeys': ['owner', 'env'], 'aws:MultiFactorAuthPresent': false },
  { 'aws:TagKeys': [], 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' },
];

function randomStatement(r: () => number, effect: 'Allow' | 'Deny'): object {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const s: Record<string, unknown> = { Effect: effect };
  s[r() < 0.2 ? 'NotAction' : 'Action'] = [pick(ACTION_PATTERNS), pick(ACTION_PATTERNS)];
  s[r() < 0.2 ? 'NotResource' : 'Resource'] = pick(RESOURCE_PATTERNS);
  if (r() < 0.6) {
    s.Condition = pick(CONDITIONS);
  }
  return s;
}

test('property: adding a Deny statement never turns a denied request into an allowed one', () => {
  const r = rng(14);
  let checked = 0;
  let newlyDenied = 0;
  for (let i = 0; i < 150; i++) {
    const statements = Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomStatement(r, r() < 0.75 ? 'Allow' : 'Deny'));
    const base = pol('identity', stmts(...statements));
    const withDeny = pol('identity', stmts(...statements, randomStatement(r, 'Deny')));
    for (const action of ACTIONS) {
      for (const resource of RESOURCES) {
        for (const context of CONTEXTS) {
          const request = { action, resource, principal: alice, ...(context ? { context } : {}) };
          const before = decide([base], request);
          const after = decide([withDeny], request);
          checked++;
          if (after === 'allowed') {
            assert.equal(before, 'allowed', `${JSON.stringify(statements)} ${JSON.stringify(request)}`);
          }
          if (before === 'allowed' && after !== 'allowed') {
            newlyDenied++;
          }
        }
      }
    }
  }
  assert.ok(checked > 10000);
  assert.ok(newlyDenied > 0, 'the generated Denies do bite sometimes (the property is not vacuous)');
});

test('property: Allow with NotAction equals Allow of the complement, over the whole catalog', () => {
  const catalog = testCatalog();
  for (const excluded of [['iam:*', 's3:Get*'], ['*:Delete*'], ['ec2:*', 'organizations:*', 'account:*']]) {
    const notAction = pol('identity', stmts({ Effect: 'Allow', NotAction: excluded, Resource: '*' }));
    const excludedSet = new Set(excluded.flatMap((p) => catalog.matchActions(p)));
    const complement = catalog.actions.filter((a) => !excludedSet.has(a)).map((a) => a.fullName);
    const action = pol('identity', stmts({ Effect: 'Allow', Action: complement, Resource: '*' }));
    let allowed = 0;
    for (const a of catalog.actions) {
      const request = req(a.fullName);
      const x = decide([notAction], request);
      assert.equal(x, decide([action], request), a.fullName);
      if (x === 'allowed') {
        allowed++;
      }
    }
    assert.equal(allowed, complement.length);
  }
});

test('template-computed resources: references stand for any text, IAM variables stay variables', () => {
  const p = pol('identity', stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'x' }));
  const withResource = (value: string, dynamic: string) => ({
    ...p,
    document: {
      ...p.document,
      statements: p.document.statements.map((s) => ({
        ...s,
        resource: s.resource && { ...s.resource, values: s.resource.values.map((v) => ({ ...v, value, dynamic })) },
      })),
    },
  });
  const sub = withResource('arn:${AWS::Partition}:s3:::${Bucket}/${!aws:username}/*', 'Fn::Sub');
  assert.equal(decide([sub], req('s3:GetObject', 'arn:aws:s3:::any-bucket/alice/k')), 'allowed');
  assert.equal(decide([sub], req('s3:GetObject', 'arn:aws:s3:::any-bucket/bob/k')), 'implicitDeny');
  assert.equal(decide([withResource('Table.Arn', 'Fn::GetAtt')], req('s3:GetObject', 'arn:aws:s3:::b/k')), 'allowed');
});

test('decideWithAssumptions: an SCP or a cross-account resource policy alone is judged with an assumed identity grant', () => {
  const scp = pol(
    'scp',
    stmts({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
  );
  const a = decideWithAssumptions([scp], req('s3:GetObject'));
  assert.equal(a.result.decision, 'allowed');
  assert.equal(a.assumed.length, 1);
  assert.equal(decideWithAssumptions([scp], req('iam:CreateUser')).result.decision, 'explicitDeny');
  const bucket = pol(
    'resource',
    stmts({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    }),
  );
  const same = decideWithAssumptions([bucket], {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    resourceAccount: '111122223333',
    principal: { arn: 'arn:aws:iam::111122223333:user/alice' },
  });
  assert.deepEqual([same.result.decision, same.assumed.length], ['allowed', 0]);
  const other = decideWithAssumptions([bucket], {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    resourceAccount: '111122223333',
    principal: { arn: 'arn:aws:iam::111122223333:user/bob' },
  });
  assert.deepEqual([other.result.decision, other.assumed.length], ['implicitDeny', 0]);
});
