/**
 * Every rule's quick-fix, applied: a rule's `fixable` flag is true exactly when it has a `fix`, and
 * every rule with a fix has a case here whose whole resulting text is compared.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PolicyType } from '../../policy/model';
import { analyzeFile } from '../../policy/policyFile';
import { ALL_RULES } from '../../rules/index';
import { testCatalog } from '../../testing/fixtures';
import { getDiagnostics } from '../diagnostics/diagnostics';
import { getCodeActions } from './codeActions';
import { createEmbeddedExtractor } from '../../embedded';

interface FixCase {
  rule: string;
  /** the policy; a statement object alone is wrapped in a Version 2012-10-17 policy */
  before: string;
  /** the title of the quick-fix to apply */
  title: string | RegExp;
  after: string;
  policyType?: PolicyType;
  /** which of the rule's diagnostics (in document order) */
  nth?: number;
  /** `yaml`: a CloudFormation template (rules that check managed-policy references) */
  languageId?: 'yaml';
}

const statement = (s: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${s}\n  ]\n}`;

function applyFix(c: FixCase): string {
  const text = c.before.startsWith('{"') || c.before.startsWith('{⟦') ? statement(c.before) : c.before;
  const languageId = c.languageId ?? 'json';
  const document = TextDocument.create(`file:///t/policy.${languageId}`, languageId, 1, text);
  const file = analyzeFile(text, {
    languageId,
    matchesPolicyGlob: languageId === 'json',
    ...(c.languageId ? { embedded: createEmbeddedExtractor() } : {}),
    ...(c.policyType ? { explicitType: { type: c.policyType, source: 'setting' as const } } : {}),
  });
  const diagnostics = getDiagnostics(file, testCatalog(), document, { now: new Date('2026-11-22T00:00:00Z') }).filter(
    (d) => d.code === c.rule,
  );
  const diagnostic = diagnostics[c.nth ?? 0];
  assert.ok(diagnostic, `no ${c.rule} diagnostic in\n${text}`);
  const actions = getCodeActions({ catalog: testCatalog(), document, file }, diagnostic.range, [diagnostic], ['quickfix']);
  const action = actions.find((a) => (typeof c.title === 'string' ? a.title === c.title : c.title.test(a.title)));
  assert.ok(action?.edit?.changes, `no quick-fix ${c.title}; got:\n${actions.map((a) => a.title).join('\n')}`);
  return TextDocument.applyEdits(document, Object.values(action.edit.changes)[0] as TextEdit[]);
}

const CASES: FixCase[] = [
  {
    rule: 'unknown-managed-policy',
    languageId: 'yaml',
    before:
      'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - !Sub "arn:${AWS::Partition}:iam::aws:policy/AWSLambdaBasicExecutionRole"\n',
    title: 'Change to "service-role/AWSLambdaBasicExecutionRole"',
    after:
      'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - !Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"\n',
  },
  {
    rule: 'bad-mfa-pattern',
    before: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}',
    title: 'Change to "BoolIfExists"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}\n  ]\n}',
  },
  {
    rule: 'broad-wildcard',
    before: '{"Effect": "Allow", "Action": "sqs:*Message*", "Resource": "*"}',
    title: /^Expand "sqs:\*Message\*" into its \d+ actions$/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["sqs:CancelMessageMoveTask", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ListMessageMoveTasks", "sqs:ReceiveMessage", "sqs:SendMessage", "sqs:StartMessageMoveTask"], "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'bom',
    before: `\uFEFF${statement('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}')}`,
    title: 'Remove the byte-order mark',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}',
  },
  {
    rule: 'data-exfiltration',
    before: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    title: 'Replace "*" with the ARNs of the actions\' resource types',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::<BucketName>/<ObjectName>"}\n  ]\n}',
  },
  {
    rule: 'deprecated-condition-key',
    before:
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {"aws:ARN": "arn:aws:iam::111122223333:role/r"}}}',
    title: 'Change to "aws:PrincipalArn"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/r"}}}\n  ]\n}',
  },
  {
    rule: 'element-not-allowed',
    before: '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}',
    title: 'Remove "Principal"',
    policyType: 'identity',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'empty-value',
    before: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {}}',
    title: 'Remove "Condition"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'forallvalues-with-allow',
    before:
      '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}}',
    title: 'Require "aws:TagKeys" to be present (Null: false)',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}, "Null": { "aws:TagKeys": "false" }}}\n  ]\n}',
  },
  {
    rule: 'full-admin',
    before: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"},\n    {"Effect": "Deny", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}\n  ]\n}`,
    title: /^Replace "\*": Only the actions used elsewhere/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"},\n    {"Effect": "Deny", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}\n  ]\n}',
  },
  {
    rule: 'if-exists-trap',
    before:
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddressIfExists": {"aws:SourceIp": "203.0.113.0/24"}}}',
    title: 'Change to "IpAddress"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}\n  ]\n}',
  },
  {
    rule: 'invalid-action-format',
    before: '{"Effect": "Allow", "Action": "s3GetObject", "Resource": "*"}',
    title: 'Change to "s3:GetObject"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'invalid-effect',
    before: '{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}',
    title: 'Change to "Allow"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'invalid-principal',
    before: '{"Effect": "Allow", "Principal": {"Aws": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
    title: 'Change to "AWS"',
    policyType: 'resource',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}',
  },
  {
    rule: 'invalid-sid',
    before: '{"Sid": "read-only access", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    title: 'Change to "readOnlyAccess"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "readOnlyAccess", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'dependent-actions',
    before: '{"Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"}',
    title: 'Add iam:PassRole in its own statement',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"},\n    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::<Account>:role/<RoleNameWithPath>", "Condition": { "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } } }\n  ]\n}',
  },
  {
    rule: 'invalid-arn-region',
    before: '{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "arn:aws-cn:ec2:us-east-1:111122223333:instance/*"}',
    title: /arn:aws:ec2:us-east-1/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:us-east-1:111122223333:instance/*"}\n  ]\n}',
  },
  {
    rule: 's3-object-arn-typo',
    before: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket1:*"}',
    title: /arn:aws:s3:::bucket1\/\*/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket1/*"}\n  ]\n}',
  },
  {
    rule: 'invalid-version',
    before: `{\n  "Version": "2024-01-01",\n  "Statement": []\n}`,
    title: 'Change to "2012-10-17"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
  },
  {
    rule: 'mergeable-statements',
    before: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},\n    {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}`,
    title: 'Merge into statement 1',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}\n  ]\n}',
  },
  {
    rule: 'missing-effect',
    before: '{"Sid": "Read", "Action": "s3:GetObject", "Resource": "*"}',
    title: 'Add "Effect"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "Read", "Action": "s3:GetObject", "Resource": "*", "Effect": "Allow"}\n  ]\n}',
  },
  {
    rule: 'missing-resource',
    before: '{"Effect": "Allow", "Action": "s3:GetObject"}',
    title: 'Add "Resource"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'missing-set-operator',
    before: '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"StringEquals": {"aws:TagKeys": "env"}}}',
    title: 'Change to "ForAnyValue:StringEquals"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "env"}}}\n  ]\n}',
  },
  {
    rule: 'missing-version',
    before: `{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}`,
    title: 'Add "Version": "2012-10-17"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}',
  },
  {
    rule: 'oidc-trust-without-sub',
    before:
      '{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}',
    title: 'Add a "token.actions.githubusercontent.com:sub" condition',
    policyType: 'trust',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:<Owner>/<Repository>:ref:refs/heads/main"}}}\n  ]\n}',
  },
  {
    rule: 'old-version',
    before: `{\n  "Version": "2008-10-17",\n  "Statement": []\n}`,
    title: 'Change to "2012-10-17"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
  },
  {
    rule: 'passrole-star',
    before: '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}',
    title: 'Limit iam:PassRole to one role ARN',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::<Account>:role/<RoleNameWithPath>"}\n  ]\n}',
  },
  {
    rule: 'permissions-management',
    before: '{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "*"}',
    title: 'Replace "*" with the ARNs of the actions\' resource types',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::<BucketName>"}\n  ]\n}',
  },
  {
    rule: 'private-ip-in-source-ip',
    before: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}}',
    title: 'Use aws:VpcSourceIp (private addresses of VPC traffic)',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:VpcSourceIp": ["10.0.0.0/8"]}}}\n  ]\n}',
  },
  {
    rule: 'public-principal',
    before: '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
    title: 'Limit to your organization (aws:PrincipalOrgID)',
    policyType: 'resource',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "<OrganizationId>" } }}\n  ]\n}',
  },
  {
    rule: 'redundant-action',
    before: '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "*"}',
    title: 'Remove "s3:GetObject"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'resource-star',
    before: '{"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:PutObject"], "Resource": "*"}',
    title: /^Use ARNs for the 1 action that support them; keep "\*" for s3:ListAllMyBuckets in a new statement$/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::<BucketName>/<ObjectName>"},\n    { "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*" }\n  ]\n}',
  },
  {
    rule: 'resource-type-mismatch',
    // the object ARN is derived from the bucket the statement names; ListBucket keeps it
    before: '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::my-bucket"}',
    title: 'Split into 2 statements, one per resource type',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" },\n    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" }\n  ]\n}',
  },
  {
    rule: 'service-principal-without-source',
    before:
      '{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}',
    title: 'Limit to your account (aws:SourceAccount)',
    policyType: 'resource',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }}\n  ]\n}',
  },
  {
    rule: 'service-wildcard',
    before: '{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}',
    title: 'Replace "sqs:*": Only Write actions of sqs (8 actions)',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["sqs:CancelMessageMoveTask", "sqs:ChangeMessageVisibility", "sqs:CreateQueue", "sqs:DeleteMessage", "sqs:DeleteQueue", "sqs:PurgeQueue", "sqs:SendMessage", "sqs:StartMessageMoveTask"], "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'set-operator-on-single-valued-key',
    before:
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:SourceVpc": "vpc-12345678"}}}',
    title: 'Change to "StringEquals"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-12345678"}}}\n  ]\n}',
  },
  {
    rule: 'star-action',
    before: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"},\n    {"Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}\n  ]\n}`,
    title: /^Replace "\*": Only the actions used elsewhere/,
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"},\n    {"Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}\n  ]\n}',
  },
  {
    rule: 'trailing-comma',
    before: '{"Effect": "Allow", "Action": ["s3:GetObject",], "Resource": "*"}',
    title: 'Remove the trailing comma',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'unknown-action',
    before: '{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "*"}',
    title: 'Change to "s3:GetObject"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'unknown-condition-key',
    before:
      '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}}',
    title: 'Change to "aws:SourceIp"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}\n  ]\n}',
  },
  {
    rule: 'unknown-condition-operator',
    before:
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"stringequals": {"aws:PrincipalOrgID": "o-123"}}}',
    title: 'Change to "StringEquals"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}\n  ]\n}',
  },
  {
    rule: 'unknown-element',
    before: '{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}',
    title: 'Change to "Action"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'unknown-service',
    before: '{"Effect": "Allow", "Action": "s4:GetObject", "Resource": "*"}',
    title: 'Change to "s3:GetObject"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'variable-requires-version',
    before: `{\n  "Version": "2008-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\${aws:username}/*"}\n  ]\n}`,
    title: 'Change Version to "2012-10-17"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}\n  ]\n}',
  },
  {
    rule: 'whitespace-in-value',
    before: '{"Effect": "Allow", "Action": " s3:GetObject", "Resource": "*"}',
    title: 'Change to "s3:GetObject"',
    after: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}',
  },
  {
    rule: 'wildcard-without-like',
    before: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "home/*"}}}',
    title: 'Change to "StringLike"',
    after:
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}}}\n  ]\n}',
  },
];

suite('quick-fixes belong to their rules', () => {
  test('fixable is true exactly when the rule has a fix', () => {
    const wrong = ALL_RULES.filter((r) => !!r.meta.fixable !== !!r.fix).map(
      (r) => `${r.id}: fixable ${!!r.meta.fixable}, fix ${r.fix ? 'present' : 'absent'}`,
    );
    assert.deepEqual(wrong, []);
  });

  test('only a rule with a fix makes a promise about what its fixes do to access (fixAccess)', () => {
    assert.deepEqual(
      ALL_RULES.filter((r) => r.meta.fixAccess && !r.fix).map((r) => r.id),
      [],
    );
  });

  test('a rule has a fix exactly when its folder has a fix.ts (and rule.ts wires it in)', () => {
    const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', '..', 'server', 'src', 'rules');
    assert.ok(existsSync(path.join(rulesDir, 'index.ts')), rulesDir);
    const wrong = ALL_RULES.filter((r) => existsSync(path.join(rulesDir, r.id, 'fix.ts')) !== !!r.fix).map((r) => r.id);
    assert.deepEqual(wrong, []);
  });

  test('every rule with a fix has a case below', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    assert.deepEqual(
      ALL_RULES.filter((r) => r.fix && !covered.has(r.id)).map((r) => r.id),
      [],
    );
  });
});

suite('quick-fixes: the whole text after applying', () => {
  for (const c of CASES) {
    test(`${c.rule}: ${String(c.title)}`, () => {
      assert.equal(applyFix(c), c.after);
    });
  }
});
