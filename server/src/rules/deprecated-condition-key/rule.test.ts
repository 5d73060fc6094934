import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/r"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {⟦"aws:ARN"⟧: "arn:aws:iam::111122223333:role/r"}}}',
    },
  ],
});
