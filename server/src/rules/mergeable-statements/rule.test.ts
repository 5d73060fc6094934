import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}',
  ],
  reject: [
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, {"Sid": ⟦"Put"⟧, "Effect": "Allow", "Action": "s3:PutObject", "Resource": ["arn:aws:s3:::b/*"]}]}',
      messageId: 'actions',
    },
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*"}, {⟦"Effect"⟧: "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}',
      messageId: 'resources',
    },
  ],
});
