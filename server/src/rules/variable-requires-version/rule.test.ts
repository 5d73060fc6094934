import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b/${aws:username}/*"}'],
  reject: [
    {
      code: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b/${aws:username}/*"⟧}]}',
      raw: true,
      message: /no Version/,
    },
    {
      code: '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": ⟦"${aws:username}/*"⟧}}}]}',
      raw: true,
    },
  ],
});
