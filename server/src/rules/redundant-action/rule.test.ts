import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ["s3:Get*", ⟦"s3:GetObject"⟧], "Resource": "*"}', messageId: 'covered' },
    { code: '{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"S3:GetObject"⟧], "Resource": "*"}', messageId: 'duplicate' },
    { code: '{"Effect": "Allow", "Action": [⟦"s3:Get*"⟧, "s3:*"], "Resource": "*"}', messageId: 'covered' },
  ],
});
