import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:ListBucketVersions"], "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "a", "aws:SourceIp": "1.2.3.4"}}}',
    '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}',
    '{"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}}',
    '{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "a"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": ["s3:ListBucketVersions", "s3:ListBucket"], "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": ["custom"], ⟦"s3:VersionId"⟧: ["1234"]}}}',
      messageId: 'none',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {⟦"ec2:InstanceType"⟧: "t3.micro"}}}',
      messageId: 'none',
    },
    {
      code: '{"Effect": "Allow", "Action": ["s3:GetObject", "iam:GetRole"], "Resource": "*", "Condition": {"StringEquals": {⟦"iam:ResourceTag/status"⟧: "x"}}}',
      messageId: 'some',
      severity: 'info',
    },
  ],
});
