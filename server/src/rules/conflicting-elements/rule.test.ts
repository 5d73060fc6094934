import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": "s3:*", ⟦"NotAction"⟧: "s3:DeleteBucket", "Resource": "*"}' },
    { code: '{"Effect": "Deny", "NotResource": "arn:aws:s3:::a", "Action": "s3:*", ⟦"Resource"⟧: "*"}' },
  ],
});
