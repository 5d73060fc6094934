import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}}}',
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": ["111122223333"]}, "Action": "s3:GetObject", "Resource": "*"}',
      policyType: 'resource',
    },
  ],
  reject: [
    { code: '⟦[{"Version": "2012-10-17", "Statement": []}]⟧', raw: true, messageId: 'root' },
    { code: '{"Effect": ⟦1⟧, "Action": "s3:GetObject", "Resource": "*"}', messageId: 'expected' },
    { code: '{"Effect": "Allow", "Action": ["s3:GetObject", ⟦42⟧], "Resource": "*"}', messageId: 'entry' },
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [⟦{"Fn::Sub": "arn:aws:s3:::${Bucket}/*"}⟧]}',
      messageId: 'intrinsic',
    },
    { code: '{"Version": "2012-10-17", "Statement": [⟦"Allow everything"⟧]}', raw: true, messageId: 'statement' },
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": ⟦{"a": 1}⟧}}}',
      messageId: 'conditionValue',
    },
  ],
});
