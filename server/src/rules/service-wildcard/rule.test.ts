import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}', '{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}', '{"Effect": "Allow", "Action": "*", "Resource": "*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": [⟦"ecr:*"⟧, ⟦"s3:*"⟧], "Resource": "*"}', message: /grants all \d+ (ecr|s3) actions/ },
    { code: '{"Effect": "Allow", "Action": ⟦"s3:*"⟧, "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}', severity: 'info' },
  ],
});
