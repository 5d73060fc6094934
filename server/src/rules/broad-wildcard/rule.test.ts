import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:GetObject*", "s3:*"], "Resource": "*"}',
    '{"Effect": "Deny", "Action": "iam:Put*", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": [⟦"iam:Get*"⟧, ⟦"iam:List*"⟧], "Resource": "*"}', messageId: 'read', severity: 'info' },
    { code: '{"Effect": "Allow", "Action": ⟦"ec2:*Instances"⟧, "Resource": "*"}', messageId: 'write', severity: 'info' },
  ],
});
