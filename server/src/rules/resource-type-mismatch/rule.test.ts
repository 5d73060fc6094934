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
    '{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}',
    '{"Effect": "Allow", "Action": "xray:PutTraceSegments", "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*"}',
    '{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::*:user/${aws:username}"}',
    '{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f:*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b"⟧}', messageId: 's3Object' },
    { code: '{"Effect": "Allow", "Action": [⟦"s3:ListBucket"⟧, "s3:GetObject"], "Resource": "arn:aws:s3:::b/*"}', messageId: 's3Bucket' },
    {
      code: '{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": ⟦"arn:aws:ec2:us-east-2:111122223333:instance/*"⟧}',
      messageId: 'someDoNotApply',
      message: /of the \d+ actions matched by "ec2:Describe\*"/,
    },
    {
      code: '{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ⟦"arn:aws:sns:us-east-1:111122223333:topic"⟧}',
      messageId: 'serviceMismatch',
    },
    {
      code: '{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"ec2:StartInstances"⟧], "Resource": "arn:aws:s3:::b/*"}',
      messageId: 'serviceMismatch',
    },
    {
      code: '{"Effect": "Deny", "Action": ["s3:GetObject", ⟦"s3:ListAllMyBuckets"⟧], "Resource": "arn:aws:s3:::b/*"}',
      messageId: 'needsStar',
      message: /does not deny it/,
    },
    {
      code: '{"Effect": "Allow", "Action": [⟦"s3:*Bucket*"⟧, ⟦"s3:*Object*"⟧], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}',
      messageId: 'someDoNotApply',
      severity: 'info',
    },
  ],
});
