import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}'],
  reject: [{ code: '{"Sid": ⟦"Read"⟧, "Action": "s3:GetObject", "Resource": "*"}' }],
});
