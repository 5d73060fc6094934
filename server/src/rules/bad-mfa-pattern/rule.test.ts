import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Deny", "NotAction": "iam:ChangePassword", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}',
    '{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {⟦"aws:MultiFactorAuthPresent"⟧: "false"}}}',
      messageId: 'denyBool',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"BoolIfExists": {⟦"aws:MultiFactorAuthPresent"⟧: "true"}}}',
      messageId: 'allowIfExists',
    },
    {
      code: '{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {⟦"aws:MultiFactorAuthPresent"⟧: "false"}}}',
      messageId: 'allowFalse',
    },
  ],
});
