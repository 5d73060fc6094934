import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1", "s3:prefix": "a", "aws:ResourceTag/team": "x", "AWS:SOURCEIP": "1.2.3.4"}}}',
    {
      code: '{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}',
      policyType: 'trust',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"IpAddress": {⟦"aws:SourceIpAddress"⟧: "203.0.113.0/24"}}}',
      messageId: 'global',
      message: /"aws:SourceIp"/,
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"DateGreaterThan": {⟦"bad"⟧: "2020-01-01"}}}',
      messageId: 'format',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {⟦"s3:prefx"⟧: "a"}}}',
      messageId: 'service',
      severity: 'error',
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {⟦"aws:ResourceTag/"⟧: "a"}}}',
      messageId: 'emptyTag',
    },
  ],
});
