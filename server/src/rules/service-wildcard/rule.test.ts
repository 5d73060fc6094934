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
    '{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}',
    '{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": "*", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": [⟦"ecr:*"⟧, ⟦"s3:*"⟧], "Resource": "*"}', message: /grants all \d+ (ecr|s3) actions/ },
    {
      code: '{"Effect": "Allow", "Action": ⟦"s3:*"⟧, "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}',
      severity: 'info',
    },
  ],
});
