import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
      policyType: 'resource',
    },
  ],
  reject: [{ code: '{⟦"Effect"⟧: "Allow", "Action": "sts:AssumeRole"}', policyType: 'trust' }],
});
