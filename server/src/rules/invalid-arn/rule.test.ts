import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws-cn:s3:::b/*", "arn:*:s3:::b"]}',
    '{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": ["arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:us-gov-west-1:111122223333:instance/i-1", "arn:aws:ec2:${aws:RequestedRegion}:*:instance/*"]}',
    '{"Effect": "Allow", "Action": "iam:GetPolicy", "Resource": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::*:user/${aws:username}"]}',
    '{"Effect": "Allow", "Action": "*", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"my-bucket/*"⟧}', messageId: 'notArn' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:b"⟧}', messageId: 'fields' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:amazon:s3:::b/*"⟧}', messageId: 'partition' },
    {
      code: '{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ⟦"arn:aws:sqs:us-east-9x:111122223333:q"⟧}',
      messageId: 'region',
    },
    {
      code: '{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": ⟦"arn:aws:ec2:us-east-2:ACCOUNT-ID:instance/*"⟧}',
      messageId: 'account',
    },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:us-east-1::b/*"⟧}', messageId: 'regionNotAllowed' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3::111122223333:b/*"⟧}', messageId: 'accountNotAllowed' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:S3:::b/*"⟧}', messageId: 'serviceCase' },
    // a placeholder a quick-fix left: one finding that says what to fill in, not an account error
    {
      code: '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": ⟦"arn:aws:iam::<Account>:role/<RoleNameWithPath>"⟧}',
      messageId: 'placeholder',
    },
  ],
});
