import rule from './rule';
import { testRule } from '../../testing/testRule';

const actions = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => `s3:GetObjectVersion${i}`));

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    { code: `{"Effect": "Allow", "Action": ${actions(200)}, "Resource": "*"}`, policyType: 'resource' },
  ],
  reject: [
    {
      code: `{"Effect": "Allow", "Action": ${actions(260)}, "Resource": "*"}`,
      messageId: 'over',
      message: /over the 6,144 allowed for managed policies/,
    },
    { code: `{"Effect": "Allow", "Action": ${actions(230)}, "Resource": "*"}`, messageId: 'near', severity: 'info' },
    { code: `{"Effect": "Deny", "Action": ${actions(230)}, "Resource": "*"}`, policyType: 'scp', messageId: 'over', severity: 'error' },
  ],
});
