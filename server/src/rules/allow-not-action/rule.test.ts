import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}',
  ],
  reject: [{ code: '{"Effect": "Allow", ⟦"NotAction"⟧: "iam:*", "Resource": "*"}', security: true }],
});
