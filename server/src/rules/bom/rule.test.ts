import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [{ code: '⟦\uFEFF⟧{"Version": "2012-10-17", "Statement": []}', raw: true }],
});
