import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}',
    '{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}}',
    '{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:RequestTag/team": "a"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddressIfExists": {⟦"aws:SourceIp"⟧: "203.0.113.0/24"}}}',
      security: true,
      message: /Use "IpAddress"/,
    },
  ],
});
