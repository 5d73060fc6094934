import rule from './rule';
import { testRule } from '../testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}'],
  reject: [{ code: '{⟦"Effect"⟧: "Allow", "Resource": "*"}' }],
});
