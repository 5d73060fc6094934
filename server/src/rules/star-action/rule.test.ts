import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "*", "Resource": "*"}', '{"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::b"}'],
  reject: [{ code: '{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "arn:aws:s3:::b"}', security: true }],
});
