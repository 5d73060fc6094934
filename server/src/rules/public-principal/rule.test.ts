import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    {
      code: '{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}',
      policyType: 'resource',
    },
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
      policyType: 'resource',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Principal": ⟦"*"⟧, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
      policyType: 'resource',
      messageId: 'public',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Principal": ⟦{"AWS": "*"}⟧, "Action": "sts:AssumeRole"}',
      policyType: 'trust',
      messageId: 'trust',
      severity: 'error',
    },
    {
      code: '{"Effect": "Allow", "Principal": ⟦"*"⟧, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}',
      policyType: 'resource',
      messageId: 'conditioned',
      severity: 'info',
      security: false,
    },
    {
      code: '{"Effect": "Allow", "Principal": ⟦"*"⟧, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}',
      policyType: 'resource',
      messageId: 'public',
    },
  ],
});
