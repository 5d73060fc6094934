import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": ["*", "s3:Get*", "ec2:*Instances", "s3:GetObjec?"], "Resource": "*"}'],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": ⟦"s3GetObject"⟧, "Resource": "*"}',
      messageId: 'format',
      message: /Did you mean "s3:GetObject"/,
    },
    { code: '{"Effect": "Allow", "Action": ⟦"arn:aws:s3:::b"⟧, "Resource": "*"}', messageId: 'format' },
    { code: '{"Effect": "Allow", "Action": ⟦"s*:GetObject"⟧, "Resource": "*"}', messageId: 'serviceWildcard', severity: 'warning' },
  ],
});
