import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    '{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": ⟦"allow"⟧, "Action": "s3:GetObject", "Resource": "*"}' },
    { code: '{"Effect": ⟦"Permit"⟧, "Action": "s3:GetObject", "Resource": "*"}' },
  ],
});
