import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}'],
  reject: [{ code: '{"Effect": "Allow", "Action": "s3:*", ⟦"NotResource"⟧: "arn:aws:s3:::secret/*"}', security: true }],
});
