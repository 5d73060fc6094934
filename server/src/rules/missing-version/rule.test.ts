import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [{ code: '⟦{⟧"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}', raw: true }],
});
