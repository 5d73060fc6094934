import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    {
      code: '{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}',
      policyType: 'resource',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", ⟦"NotPrincipal"⟧: {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
      policyType: 'resource',
    },
  ],
});
