import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"ForAnyValue:StringLikeIfExists": {"s3:prefix": "a/*"}, "Null": {"s3:prefix": "false"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {⟦"StringEqual"⟧: {"s3:prefix": "a"}}}',
      messageId: 'unknown',
      message: /"StringEquals"/,
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {⟦"NullIfExists"⟧: {"s3:prefix": "true"}}}',
      messageId: 'nullIfExists',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {⟦"ForEachValue:StringEquals"⟧: {"aws:TagKeys": "a"}}}',
      messageId: 'qualifier',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {⟦"stringequals"⟧: {"s3:prefix": "a"}}}',
      messageId: 'caseMismatch',
      severity: 'warning',
    },
  ],
});
