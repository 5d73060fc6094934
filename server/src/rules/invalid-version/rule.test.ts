import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    { code: '{"Version": "2008-10-17", "Statement": []}', raw: true },
  ],
  reject: [{ code: '{"Version": ⟦"2024-01-01"⟧, "Statement": []}', raw: true }],
});
