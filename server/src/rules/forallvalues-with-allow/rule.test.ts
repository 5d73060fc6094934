import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}, "Null": {"aws:TagKeys": "false"}}}',
    '{"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}}',
    '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {⟦"aws:TagKeys"⟧: ["env", "team"]}}}',
      security: true,
    },
  ],
});
