import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["cloudtrail:GetEventSelectors"], "Resource": ["arn:aws:cloudtrail:us-east-1:000000000000:trail/*"]}',
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
    '{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": ["cloudtrail:GetEventSelectors", "cloudtrail:PutEventSelectors"], "Resource": [⟦"arn:*:cloudtrail:*:*:trail/*"⟧]}',
    },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::*/*"⟧}' },
  ],
});
