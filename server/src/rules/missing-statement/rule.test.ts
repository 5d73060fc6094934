import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import rule from './rule';
import { testRule, TEST_NOW } from '../../testing/testRule';
import { createEmbeddedExtractor } from '../../embedded';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { runRules } from '../engine';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [
    { code: '⟦{⟧"Version": "2012-10-17"}', raw: true },
    { code: '⟦{⟧}', raw: true, policyType: 'trust', messageId: 'emptyTrust' },
  ],
});

test('an empty AssumeRolePolicyDocument in a CloudFormation template is reported', () => {
  const text = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  AppRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument: {}',
    '      ManagedPolicyArns:',
    '        - arn:aws:iam::aws:policy/ReadOnlyAccess',
    '',
  ].join('\n');
  const file = analyzeFile(text, { languageId: 'yaml', matchesPolicyGlob: false, embedded: createEmbeddedExtractor({}) });
  const findings = file.policies.flatMap((p) => runRules(p.policy, testCatalog(), { now: TEST_NOW, rules: [rule] }).findings);
  assert.deepEqual(
    findings.map((f) => f.messageId),
    ['emptyTrust'],
  );
});
