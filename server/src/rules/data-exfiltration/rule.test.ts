import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
    '{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": [⟦"s3:GetObject"⟧, "iam:CreateAccessKey"], "Resource": "*"}', security: true },
    { code: '{"Effect": "Allow", "Action": ⟦"s3:GetObject"⟧, "Resource": "arn:aws:s3:::*/*"}' },
    { code: '{"Effect": "Allow", "Action": ⟦"secretsmanager:GetSecretValue"⟧, "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/app": "web"}}}', severity: 'info', security: false },
  ],
});
