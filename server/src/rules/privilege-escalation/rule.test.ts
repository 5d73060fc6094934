import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    // an SQS queue policy: "Action": "*" means every SQS action
    {
      code: '{"Version": "2012-10-17", "Id": "Queue1_Policy", "Statement": [{"Sid": "Queue1_AllActions", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/role1"]}, "Action": "*", "Resource": "arn:aws:sqs:us-east-2:444455556666:queue1"}]}',
      policyType: 'resource',
      name: 'SQS queue policy',
    },
    // a condition that can never be true: the statement is dead, said once by statement-never-applies
    '{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*", "Condition": {"DateLessThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}}',
    '{"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:ChangePassword"], "Resource": "arn:aws:iam::*:user/${aws:username}"}',
    '{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "arn:aws:iam::aws:policy/fp4-*"}',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}',
    '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦"iam:CreatePolicyVersion"⟧, "Resource": "*"}', security: true, severity: 'warning' },
    { code: '{"Effect": "Allow", "Action": ⟦"iam:CreatePolicyVersion"⟧, "Resource": "arn:aws:iam::*:policy/fn2-*"}', security: true },
    {
      code: '{"Effect": "Allow", "Action": [⟦"iam:PassRole"⟧, "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}',
      message: /Lambda/,
    },
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"iam:PassRole"⟧, "Resource": "*"}, {"Effect": "Allow", "Action": ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"], "Resource": "*"}]}',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Action": ⟦"iam:CreatePolicyVersion"⟧, "Resource": "*", "Condition": {"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}}',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Action": [⟦"iam:UpdateAssumeRolePolicy"⟧, "sts:AssumeRole"], "Resource": "arn:aws:iam::111122223333:role/MyRole"}',
      security: false,
      severity: 'warning',
    },
    { code: '{"Effect": "Allow", ⟦"NotAction"⟧: ["s3:*"], "Resource": "*"}', security: true },
  ],
});
