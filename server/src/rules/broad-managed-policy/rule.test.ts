/** broad-managed-policy: which AWS managed policies count as administrator-like, decided from their documents. */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { testRule, findingsFor, TEST_NOW } from '../../testing/testRule';
import { testCatalog } from '../../testing/fixtures';
import { managedPolicyDocument } from '../../analysis/managedPolicies';
import { assessManagedPolicy } from './assess';
import rule from './rule';

const role = (arns: string) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns:
${arns}
`;
const yaml = { language: 'yaml' as const };

testRule(rule, {
  accept: [
    {
      ...yaml,
      code: role('        - arn:aws:iam::aws:policy/ReadOnlyAccess\n        - arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'),
    },
    { ...yaml, code: role('        - arn:aws:iam::aws:policy/IAMReadOnlyAccess\n        - arn:aws:iam::aws:policy/AmazonS3FullAccess') },
    {
      ...yaml,
      name: 'a service-role policy is for the service',
      code: role('        - arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'),
    },
    { ...yaml, name: 'an unknown name is the other rule’s', code: role('        - arn:aws:iam::aws:policy/AdministratorAccesss') },
  ],
  reject: [
    {
      ...yaml,
      code: role('        - !Sub arn:${AWS::Partition}:iam::aws:policy/⟦AdministratorAccess⟧'),
      messageId: 'admin',
      severity: 'warning',
      security: true,
      message: /"job-function\/ViewOnlyAccess", "ReadOnlyAccess"/,
    },
    {
      ...yaml,
      code: role('        - arn:aws:iam::aws:policy/⟦PowerUserAccess⟧'),
      messageId: 'allExcept',
      message: /except iam:\*, organizations:\*, account:\*/,
    },
    {
      ...yaml,
      code: role('        - arn:aws:iam::aws:policy/⟦IAMFullAccess⟧'),
      messageId: 'iam',
      message: /for example "IAMReadOnlyAccess"/,
    },
    {
      ...yaml,
      code: role('        - arn:aws:iam::aws:policy/⟦AWSLambda_FullAccess⟧'),
      messageId: 'escalation',
      message: /lambda:UpdateFunctionCode.*"AWSLambda_ReadOnlyAccess"/,
    },
  ],
});

suite('broad-managed-policy assessment', () => {
  const catalog = testCatalog();
  const managed = catalog.managedPolicies()!;
  const kind = (name: string) => assessManagedPolicy(managedPolicyDocument(managed, name)!, catalog, TEST_NOW)?.kind;
  test('the well-known ones by mechanism, not by name', () => {
    assert.equal(kind('AdministratorAccess'), 'admin');
    assert.equal(kind('PowerUserAccess'), 'allExcept');
    assert.equal(kind('IAMFullAccess'), 'iam');
    assert.equal(kind('ReadOnlyAccess'), undefined);
    assert.equal(kind('ViewOnlyAccess'), undefined);
    assert.equal(kind('AmazonS3ReadOnlyAccess'), undefined);
  });
  test('a SAM function with a broad policy name is flagged too', () => {
    const code = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Policies:
        - AdministratorAccess
`;
    assert.equal(findingsFor(rule, code, yaml).findings[0]?.messageId, 'admin');
  });
});
