import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Deny", "Action": "*", "Resource": "*"}',
    '{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "*"}', security: true, severity: 'warning' },
    {
      code: '{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}',
      security: false,
      severity: 'info',
      message: /limited by aws:SourceIp/,
    },
  ],
});
