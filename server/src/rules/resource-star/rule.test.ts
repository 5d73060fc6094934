import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": ["guardduty:ListDetectors", "s3:GetObject"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}',
    '{"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}',
    // AWS's default KMS key policy: in a resource policy "*" means this key
    {
      code: '{"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "Allow use of the key", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}, {"Sid": "Allow attachment of persistent resources", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyUser"}, "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*", "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}]}',
      policyType: 'resource',
      name: 'default KMS key policy',
    },
    { code: '{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:RunInstances"], "Resource": "*"}', policyType: 'scp' },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:RunInstances"], "Resource": ⟦"*"⟧}',
      message: /ec2:RunInstances/,
    },
    {
      code: '{"Effect": "Allow", "Action": "kms:CreateGrant", "Resource": ⟦"*"⟧, "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}}}',
      severity: 'info',
    },
    // the most sensitive actions first (permissions management, then write), by service
    {
      code: '{"Effect": "Allow", "Action": ["s3:PutObject", "a4b:AssociateContactWithAddressBook", "iam:PutRolePolicy"], "Resource": ⟦"*"⟧}',
      message: /lets iam:PutRolePolicy, a4b:AssociateContactWithAddressBook, s3:PutObject act/,
    },
    // conditions that limit nothing do not lower the severity
    {
      code: '{"Effect": "Allow", "Action": "iam:CreateUser", "Resource": ⟦"*"⟧, "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::*"}}}',
      severity: 'warning',
    },
    {
      code: '{"Effect": "Allow", "Action": "iam:CreateUser", "Resource": ⟦"*"⟧, "Condition": {"StringLike": {"aws:PrincipalTag/team": "*"}}}',
      severity: 'warning',
    },
  ],
});
