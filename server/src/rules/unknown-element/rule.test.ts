import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {}}'],
  reject: [
    { code: '{"Effect": "Allow", ⟦"Actions"⟧: "s3:GetObject", "Resource": "*"}', message: /Did you mean "Action"/ },
    { code: '{"Effect": "Allow", ⟦"action"⟧: "s3:GetObject", "Resource": "*"}', message: /Did you mean "Action"/ },
    { code: '{"Version": "2012-10-17", ⟦"Statment"⟧: [], "Statement": []}', raw: true, messageId: 'topLevel', message: /"Statement"/ },
  ],
});
