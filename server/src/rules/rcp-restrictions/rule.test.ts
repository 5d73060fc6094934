import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    { code: '{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}', policyType: 'rcp' },
    {
      code: '{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-1"}}}',
      policyType: 'rcp',
    },
    { code: '{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}', policyType: 'identity' },
  ],
  reject: [
    { code: '{"Effect": ⟦"Allow"⟧, "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}', policyType: 'rcp', messageId: 'allow' },
    {
      code: '{"Effect": "Deny", "Principal": "*", "Action": ⟦"ec2:RunInstances"⟧, "Resource": "*"}',
      policyType: 'rcp',
      messageId: 'service',
    },
  ],
});
