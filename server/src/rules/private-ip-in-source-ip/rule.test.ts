import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24", "aws:VpcSourceIp": "10.0.0.0/8"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", ⟦"10.0.0.0/8"⟧]}}}',
    },
  ],
});
