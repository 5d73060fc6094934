import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    { code: '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}', policyType: 'trust' },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", ⟦"Principal"⟧: "*", "Action": "s3:GetObject", "Resource": "*"}',
      policyType: 'identity',
      message: /identity policy/,
    },
    {
      code: '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", ⟦"Resource"⟧: "*"}',
      policyType: 'trust',
      message: /role itself/,
    },
    { code: '{"Effect": "Deny", ⟦"Principal"⟧: "*", "Action": "*", "Resource": "*"}', policyType: 'scp' },
  ],
});
