import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦[]⟧, "Resource": "*"}', messageId: 'emptyList' },
    { code: '{"Sid": ⟦""⟧, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}', messageId: 'emptyString' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ⟦{}⟧}', messageId: 'emptyCondition' },
  ],
});
