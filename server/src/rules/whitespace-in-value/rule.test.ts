import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a b/*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦" s3:GetObject"⟧, "Resource": "*"}', message: /leading/ },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [⟦"arn:aws:s3:::b/* "⟧]}', message: /trailing/ },
  ],
});
