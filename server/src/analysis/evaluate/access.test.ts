/** What a change grants: added and removed access between two policies, sampled over the catalog. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testCatalog } from '../../testing/fixtures';
import { compareAccess, standalone } from './access';
import { doc, stmts } from './testHelpers';

const catalog = testCatalog();
const diff = (before: object | undefined, after: object, type: 'identity' | 'resource' = 'identity') =>
  compareAccess(before ? standalone(doc(before, type)) : [], standalone(doc(after, type)), catalog);

test('a new action is added access, with its service and access level', () => {
  const d = diff(
    stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    stmts({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' }),
  );
  assert.deepEqual(
    d.added.map((e) => [e.action, e.resource, e.accessLevel, e.kind]),
    [['s3:PutObject', 'arn:aws:s3:::b/*', 'Write', 'action']],
  );
  assert.deepEqual(d.removed, []);
});

test('a wildcard action expands to every action it adds; narrowing is removed access only', () => {
  const wide = stmts({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' });
  const narrow = stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
  const widened = diff(narrow, wide);
  assert.ok(widened.added.length > 5);
  assert.ok(widened.added.every((e) => e.action.startsWith('s3:Get') && e.action !== 's3:GetObject'));
  const narrowed = diff(wide, narrow);
  assert.deepEqual(narrowed.added, []);
  assert.equal(narrowed.removed.length, widened.added.length);
});

test('a broader resource is a new resource for an action already allowed', () => {
  const d = diff(
    stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/public/*' }),
    stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
  );
  assert.deepEqual(
    d.added.map((e) => [e.action, e.resource, e.kind]),
    [['s3:GetObject', 'arn:aws:s3:::b/*', 'resource']],
  );
  assert.deepEqual(d.newResources, ['arn:aws:s3:::b/*']);
});

test('a loosened condition is reported with the context that now passes', () => {
  const before = stmts({
    Effect: 'Allow',
    Action: 'ec2:StartInstances',
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
  });
  const after = stmts({
    Effect: 'Allow',
    Action: 'ec2:StartInstances',
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/env': ['dev', 'prod'] } },
  });
  const d = diff(before, after);
  assert.equal(d.added.length, 1);
  assert.equal(d.added[0].kind, 'condition');
  assert.deepEqual(d.added[0].context, { 'aws:ResourceTag/env': ['prod'] });
  // removing the condition entirely adds access too (the key absent)
  const dropped = diff(before, stmts({ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*' }));
  assert.equal(dropped.added[0]?.kind, 'condition');
});

test('a new Deny removes access; equivalent rewrites change nothing', () => {
  const allow = { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' };
  const d = diff(
    stmts(allow),
    stmts(allow, { Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
  );
  assert.deepEqual(d.added, []);
  assert.deepEqual(
    d.removed.map((e) => [e.action, e.kind]),
    [['s3:PutObject', 'condition']],
  );
  const same = diff(
    stmts(allow),
    stmts(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' },
    ),
  );
  assert.deepEqual([same.added, same.removed], [[], []]);
});

test('resource policies: a new principal is added access for that principal', () => {
  const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  const d = diff(
    stmts({ ...base, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    stmts({ ...base, Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/Reader'] } }),
    'resource',
  );
  assert.ok(d.added.length > 0);
  assert.ok(
    d.added.every((e) => e.kind === 'principal' && /444455556666/.test(e.principal ?? '')),
    JSON.stringify(d.added),
  );
  assert.deepEqual(d.newPrincipals, ['AWS:arn:aws:iam::444455556666:role/Reader']);
  const open = diff(
    stmts({ ...base, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    stmts({ ...base, Principal: '*' }),
    'resource',
  );
  assert.ok(
    open.added.some((e) => e.principal === undefined || /outsider/.test(e.principal)),
    'public access reaches an outsider',
  );
});

test('a new policy: everything it allows is added; NotAction covers the catalog', () => {
  const d = diff(undefined, stmts({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
  const services = new Set(d.added.map((e) => e.service));
  assert.ok(services.size > 300);
  assert.ok(!services.has('iam'));
});

test('addedOnly: the same added access, and no removed access listed', () => {
  // a change that both adds (s3:PutObject) and removes (every other s3:Get* action)
  const before = standalone(doc(stmts({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' })));
  const after = standalone(doc(stmts({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' })));
  const full = compareAccess(before, after, catalog);
  const addedOnly = compareAccess(before, after, catalog, { addedOnly: true });
  assert.ok(full.added.length > 0 && full.removed.length > 5);
  assert.deepEqual(addedOnly.added, full.added);
  assert.deepEqual(addedOnly.removed, []);
  assert.equal(addedOnly.requests, full.requests);
});
