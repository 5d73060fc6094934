/**
 * KMS key policies and role trust policies: unlike other resource-based policies they must allow
 * even within their own account; an identity-based policy alone grants nothing on the key or the
 * role unless the key/trust policy allows the account (delegating to IAM policies) or names the
 * principal. Each case cites the AWS page it follows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideWithAssumptions } from './decide';
import { evaluate } from './evaluate';
import { decide, pol, stmts } from './testHelpers';
import type { EvalRequest } from './types';

/** "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key." */
const KMS_KEY_POLICIES = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
/** "You can use the key policy alone to control access" / IAM policies need the key policy to allow it. */
const KMS_CONTROL_ACCESS = 'https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html';
/** The default key policy's first statement: allows the account (root) and so enables IAM policies. */
const KMS_DEFAULT_KEY_POLICY = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html';
/** "Role trust policies and KMS key policies are exceptions to this logic, because they must explicitly allow access for principals." */
const IAM_EVAL_SINGLE_ACCOUNT =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html';
/** The trust policy says who may assume the role; the caller needs sts:AssumeRole too when the trust policy names the account. */
const IAM_ROLE_TRUST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html';

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const alice = { arn: `arn:aws:iam::${ACCOUNT}:user/alice` };
const bob = { arn: `arn:aws:iam::${ACCOUNT}:user/bob` };
const decrypt = (principal = alice): EvalRequest => ({ action: 'kms:Decrypt', resource: KEY, principal });
const assume = (principal = alice): EvalRequest => ({ action: 'sts:AssumeRole', resource: ROLE, principal });

const identityKms = pol('identity', stmts({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY }), 'alice.json');
const identityAssume = pol('identity', stmts({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }), 'alice.json');
const keyPolicy = (...statements: object[]) => pol('resource', stmts(...statements), 'key-policy.json');
const trustPolicy = (...statements: object[]) => pol('trust', stmts(...statements), 'trust.json');
const defaultKeyPolicy = keyPolicy({
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
});
const keyPolicyForBob = keyPolicy({ Sid: 'Bob', Effect: 'Allow', Principal: { AWS: bob.arn }, Action: 'kms:Decrypt', Resource: '*' });

test(`KMS: an identity policy alone does not open a key whose key policy neither names the principal nor allows the account (${KMS_KEY_POLICIES})`, () => {
  const r = evaluate([identityKms, keyPolicyForBob], decrypt());
  assert.equal(r.decision, 'implicitDeny');
  assert.equal(r.reasonId, 'keyPolicyMustAllow');
  assert.match(r.reason, /key policy must allow access even within its account/);
  // the same shape for any other resource policy grants: the identity policy suffices within one account
  const bucket = pol('resource', stmts({ Effect: 'Allow', Principal: { AWS: bob.arn }, Action: 's3:GetObject', Resource: '*' }));
  const s3 = pol('identity', stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  assert.equal(decide([s3, bucket], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice }), 'allowed');
});

test(`KMS: the default key policy (the account as principal) enables IAM policies: the identity policy decides (${KMS_DEFAULT_KEY_POLICY})`, () => {
  assert.equal(decide([identityKms, defaultKeyPolicy], decrypt()), 'allowed');
  // the account's grant delegates, it does not grant on its own
  assert.equal(evaluate([defaultKeyPolicy], decrypt()).reasonId, 'noIdentityAllows');
  assert.equal(
    decide([pol('identity', stmts({ Effect: 'Allow', Action: 's3:*', Resource: '*' })), defaultKeyPolicy], decrypt()),
    'implicitDeny',
  );
});

test(`KMS: a key policy that names the principal grants on its own, without an identity policy (${KMS_CONTROL_ACCESS})`, () => {
  const r = evaluate([keyPolicyForBob], decrypt(bob));
  assert.equal(r.decision, 'allowed');
  assert.equal(r.reasonId, 'allowedByResource');
  assert.equal(r.deciding[0].sid, 'Bob');
  // an explicit Deny in the identity policy still wins ("You can use an IAM policy to deny a permission to a KMS key")
  const deny = pol('identity', stmts({ Effect: 'Deny', Action: 'kms:*', Resource: '*' }));
  assert.equal(decide([deny, keyPolicyForBob], decrypt(bob)), 'explicitDeny');
  assert.equal(decide([deny, defaultKeyPolicy], decrypt()), 'explicitDeny');
});

test(`KMS: a resource policy that is not about KMS (a bucket policy in the same template) is not taken for the key policy (${KMS_KEY_POLICIES})`, () => {
  const bucket = pol('resource', stmts({ Effect: 'Allow', Principal: { AWS: bob.arn }, Action: 's3:GetObject', Resource: '*' }));
  assert.equal(decide([identityKms, bucket], decrypt()), 'allowed');
  // and with no key policy at all, the simulation says it assumed the default key policy
  const d = decideWithAssumptions([identityKms], decrypt());
  assert.equal(d.result.decision, 'allowed');
  assert.deepEqual(d.assumptions, ['defaultKeyPolicy']);
  assert.match(d.assumed[0], /default key policy/);
});

test(`trust policy: sts:AssumeRole within the account needs the role's trust policy to allow, whatever the identity policy says (${IAM_EVAL_SINGLE_ACCOUNT})`, () => {
  const trustsBob = trustPolicy({ Effect: 'Allow', Principal: { AWS: bob.arn }, Action: 'sts:AssumeRole' });
  const r = evaluate([identityAssume, trustsBob], assume());
  assert.equal(r.decision, 'implicitDeny');
  assert.equal(r.reasonId, 'trustPolicyMustAllow');
  // Bob is named: the trust policy grants on its own
  assert.equal(decide([trustsBob], assume(bob)), 'allowed');
});

test(`trust policy: trusting the account delegates to identity policies: sts:AssumeRole must be allowed there too (${IAM_ROLE_TRUST})`, () => {
  const trustsAccount = trustPolicy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' });
  assert.equal(decide([identityAssume, trustsAccount], assume()), 'allowed');
  assert.equal(evaluate([trustsAccount], assume()).reasonId, 'noIdentityAllows');
  // another action of the same template (the role's permissions) is not governed by the trust policy
  const s3 = pol('identity', stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  assert.equal(decide([s3, trustsAccount], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice }), 'allowed');
  // with no trust policy given, the simulation says what it assumed
  const d = decideWithAssumptions([identityAssume], assume());
  assert.equal(d.result.decision, 'allowed');
  assert.deepEqual(d.assumptions, ['trustPolicyTrustsAccount']);
});

test(`cross-account KMS keeps the cross-account rule: both the key policy and the identity policy must allow (${KMS_KEY_POLICIES})`, () => {
  const other = { arn: 'arn:aws:iam::444455556666:user/carol' };
  const trustsOther = keyPolicy({
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::444455556666:root' },
    Action: 'kms:Decrypt',
    Resource: '*',
  });
  const carolKms = pol('identity', stmts({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY }));
  assert.equal(decide([carolKms, trustsOther], decrypt(other)), 'allowed');
  assert.equal(evaluate([carolKms, defaultKeyPolicy], decrypt(other)).reasonId, 'crossAccountNoResource');
});
