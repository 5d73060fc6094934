import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "a"}, "StringLike": {"s3:prefix": "b/*"}}}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "s3:*", ⟦"Effect"⟧: "Deny", "Resource": "*"}', messageId: 'duplicate' },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "a", ⟦"s3:Prefix"⟧: "b"}}}',
      messageId: 'caseDuplicate',
    },
    { code: '{"Version": "2012-10-17", "Statement": [], ⟦"Statement"⟧: []}', raw: true },
  ],
});
