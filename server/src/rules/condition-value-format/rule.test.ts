import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.7", "2001:db8::/32", "::1"]}, "Bool": {"aws:ViaAWSService": false}}}',
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": ["2030-01-01T00:00:00Z", "2030-01-01", "1893456000"]}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}',
  ],
  reject: [
    // a placeholder a quick-fix left (the service a role is passed to): one "fill in" finding
    {
      code: '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": ⟦"<ServicePrincipal>"⟧}}}',
      messageId: 'placeholder',
    },
    {
      code: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ⟦"203.0.113.300/24"⟧}}}',
      messageId: 'ip',
    },
    {
      code: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": ⟦"yes"⟧}}}',
      messageId: 'bool',
    },
    {
      code: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": ⟦"01/02/2030"⟧}}}',
      messageId: 'date',
    },
    {
      code: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": ⟦["true", "false"]⟧}}}',
      messageId: 'boolMany',
      severity: 'error',
    },
  ],
});
