import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}, "StringEquals": {"aws:SourceVpc": "vpc-12345678"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {⟦"aws:SourceVpc"⟧: "vpc-12345678"}}}',
      messageId: 'forAll',
      security: true,
    },
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {⟦"aws:PrincipalOrgID"⟧: "o-123"}}}',
      messageId: 'forAny',
      severity: 'hint',
    },
  ],
});
