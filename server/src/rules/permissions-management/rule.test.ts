import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::examplebucket"}',
    '{"Effect": "Deny", "Action": "s3:PutBucketPolicy", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"s3:PutBucketPolicy"⟧], "Resource": "*"}', security: true },
    { code: '{"Effect": "Allow", "Action": [⟦"lambda:addpermission"⟧, ⟦"s3:putbucketacl"⟧, "ram:CreateResourceShare"], "Resource": "*"}' },
  ],
});
