import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [{ code: '⟦{⟧"Version": "2012-10-17"}', raw: true }],
});
