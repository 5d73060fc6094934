import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"s3:signatureage": "600000"}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}, "Bool": {"aws:SecureTransport": "true"}, "Null": {"aws:TokenIssueTime": "true"}}}',
    '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NumericGreaterThan": {"aws:EpochTime": "1700000000"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {⟦"StringEquals"⟧: {"s3:signatureage": "600000"}}}',
      messageId: 'mismatch',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {⟦"NumericEquals"⟧: {"s3:prefix": "10"}}}',
      messageId: 'mismatch',
    },
    {
      code: '{"Effect": "Allow", "Action": "ec2:AssociateIamInstanceProfile", "Resource": "*", "Condition": {⟦"StringEquals"⟧: {"ec2:InstanceProfile": "arn:aws:iam::111122223333:instance-profile/p"}}}',
      messageId: 'usable',
      severity: 'info',
    },
  ],
});
