import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Sid": "ReadOnly2", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    '{"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
  ],
  reject: [
    {
      code: '{"Sid": ⟦"read-only access"⟧, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
      messageId: 'iam',
      severity: 'error',
    },
    {
      code: '{"Sid": ⟦"Public read"⟧, "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
      policyType: 'resource',
      messageId: 'resource',
      severity: 'hint',
    },
  ],
});
