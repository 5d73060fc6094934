import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": ["guardduty:ListDetectors", "s3:GetObject"], "Resource": "*"}',
    '{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}',
    '{"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:RunInstances"], "Resource": ⟦"*"⟧}', message: /ec2:RunInstances/ },
    { code: '{"Effect": "Allow", "Action": "kms:CreateGrant", "Resource": ⟦"*"⟧, "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}}}', severity: 'info' },
  ],
});
