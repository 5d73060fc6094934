import rule from './rule';
import { testRule } from '../../testing/testRule';

const bucket = '["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"]';

testRule(rule, {
  accept: [
    // an SQS queue policy: "Action": "*" means every SQS action
    {
      code: '{"Version": "2012-10-17", "Id": "Queue1_Policy", "Statement": [{"Sid": "Queue1_AllActions", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/role1"]}, "Action": "*", "Resource": "arn:aws:sqs:us-east-2:444455556666:queue1"}]}',
      policyType: 'resource',
      name: 'SQS queue policy',
    },
    {
      code: `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Reader"}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ${bucket}}`,
      policyType: 'resource',
    },
    { code: `{"Effect": "Deny", "Principal": "*", "Action": "s3:PutBucketPolicy", "Resource": ${bucket}}`, policyType: 'resource' },
    // identity policies: permissions-management reports it
    '{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket"}',
  ],
  reject: [
    {
      code: `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/DataTeam"}, "Action": ["s3:GetObject", ⟦"s3:PutBucketPolicy"⟧], "Resource": ${bucket}}`,
      policyType: 'resource',
      security: true,
    },
    {
      code: `{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": ⟦"s3:Put*"⟧, "Resource": ${bucket}}`,
      policyType: 'resource',
    },
    {
      code: `{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ⟦"s3:*"⟧, "Resource": ${bucket}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}`,
      policyType: 'resource',
      severity: 'info',
      message: /aws:PrincipalOrgID/,
    },
  ],
});
