import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}, "StringEquals": {"s3:delimiter": "/"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": ⟦"home/*"⟧}}}',
      message: /Use StringLike/,
    },
  ],
});
