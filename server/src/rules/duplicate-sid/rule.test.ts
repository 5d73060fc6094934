import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": ⟦"A"⟧, "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}',
      message: /statement 1/,
    },
  ],
});
