import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "env"}, "Null": {"aws:TagKeys": "false"}}}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"StringEquals": {⟦"aws:TagKeys"⟧: "env"}}}' },
  ],
});
