import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}'],
  reject: [{ code: '{⟦"Effect"⟧: "Allow", "Resource": "*"}' }],
});
