import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}',
    { code: '{"Statement": [{"Effect": "Allow",},]}', raw: true, language: 'jsonc' },
  ],
  reject: [{ code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["s3:*"⟦,⟧], "Resource": "*"}⟦,⟧]}', raw: true }],
});
