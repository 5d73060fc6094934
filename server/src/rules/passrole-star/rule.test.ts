import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}',
    '{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": [⟦"iam:PassRole"⟧, "ec2:RunInstances"], "Resource": "*"}', messageId: 'star', security: true },
    { code: '{"Effect": "Allow", "Action": [⟦"iam:*"⟧], "Resource": "*"}', messageId: 'star' },
    { code: '{"Effect": "Allow", "Action": ⟦"iam:PassRole"⟧, "Resource": "arn:aws:iam::111122223333:role/AppRole"}', messageId: 'noService', severity: 'info' },
  ],
});
