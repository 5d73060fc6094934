import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Sid": "Caf\u00e9Reports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/r\u00e9sum\u00e9s/*"}'],
  reject: [
    { code: '{"Sid": ⟦"Read\u2713"⟧, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}', message: /U\+2713/ },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b/\u65e5\u672c/*"⟧}' },
  ],
});
