import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    // AWS's default KMS key policy: "*" is this key, and kms:* for the account root delegates to IAM
    {
      code: '{"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "Allow use of the key", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}, {"Sid": "Allow attachment of persistent resources", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"}, "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*", "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}]}',
      policyType: 'resource',
      name: 'default KMS key policy',
    },
    '{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::examplebucket"}',
    '{"Effect": "Deny", "Action": "s3:PutBucketPolicy", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"s3:PutBucketPolicy"⟧], "Resource": "*"}', security: true },
    { code: '{"Effect": "Allow", "Action": [⟦"lambda:addpermission"⟧, ⟦"s3:putbucketacl"⟧, "ram:CreateResourceShare"], "Resource": "*"}' },
  ],
});
