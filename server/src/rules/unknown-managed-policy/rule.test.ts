/** unknown-managed-policy over CloudFormation templates: misspelt names, missing paths, customer policies left alone. */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { testRule, findingsFor } from '../../testing/testRule';
import rule from './rule';

const role = (arns: string) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns:
${arns}
`;
const sam = (policies: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies:
${policies}
`;
const yaml = { language: 'yaml' as const };

testRule(rule, {
  accept: [
    { ...yaml, code: role('        - arn:aws:iam::aws:policy/ReadOnlyAccess') },
    { ...yaml, code: role('        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole') },
    { ...yaml, code: role('        - arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess') },
    { ...yaml, name: 'a customer managed policy is not checked', code: role('        - arn:aws:iam::123456789012:policy/NoSuchThing') },
    { ...yaml, name: 'computed values are not checked', code: role('        - !Ref AppPolicy\n        - !GetAtt App.PolicyArn') },
    {
      ...yaml,
      name: 'SAM policy templates and inline documents are not names',
      code: sam('        - SQSPollerPolicy:\n            QueueName: q\n        - AWSLambdaExecute'),
    },
  ],
  reject: [
    {
      ...yaml,
      name: 'a misspelt name in an ARN, with the nearest name',
      code: role('        - arn:aws:iam::aws:policy/⟦AmazonS3ReadOnlyAcess⟧'),
      messageId: 'typo',
      message: /Did you mean "AmazonS3ReadOnlyAccess"\?/,
      severity: 'error',
    },
    {
      ...yaml,
      name: 'an ARN without the policy path',
      code: role('        - "arn:aws:iam::aws:policy/⟦AWSLambdaBasicExecutionRole⟧"'),
      messageId: 'wrongPath',
      message: /under the path \/service-role\//,
    },
    {
      ...yaml,
      name: 'a misspelt name with its path, in Fn::Sub and Fn::Join',
      code: role(
        '        - !Sub "arn:${AWS::Partition}:iam::aws:policy/⟦job-function/ViewOnlyAcess⟧"\n        - !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/⟦AmazonEC2ReadOnlyAccesss⟧"]]',
      ),
      messageId: 'typo',
    },
    { ...yaml, name: 'a SAM policy name', code: sam('        - ⟦AmazonDynamoDBFullAcess⟧'), messageId: 'typo' },
    {
      ...yaml,
      name: 'a SAM policy given as one string',
      code: sam('').replace('Policies:\n', 'Policies: ⟦AWSLambdaExecut⟧\n'),
      messageId: 'typo',
    },
    {
      ...yaml,
      name: 'a name nothing is near',
      code: role('        - arn:aws:iam::aws:policy/⟦TotallyMadeUpPolicyName⟧'),
      messageId: 'unknown',
    },
  ],
});

suite('unknown-managed-policy suggestions', () => {
  test('the suggestion is the payload of the quick-fix, with the path when the ARN needs it', () => {
    const { findings } = findingsFor(rule, role('        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'), yaml);
    assert.deepEqual(findings[0].fix, { text: 'service-role/AWSLambdaBasicExecutionRole', length: 'AWSLambdaBasicExecutionRole'.length });
  });
  test('a name in another case is that policy', () => {
    const { findings } = findingsFor(rule, role('        - arn:aws:iam::aws:policy/administratoraccess'), yaml);
    assert.equal(findings[0].data?.suggestion, 'AdministratorAccess');
  });
});
