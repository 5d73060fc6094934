import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": ["s3:listallmybuckets", "iam:ListUsers", "s3:Get*"], "Resource": "*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦"s3:GetObjct"⟧, "Resource": "*"}', messageId: 'typo', message: /"s3:GetObject"/, severity: 'error' },
    { code: '{"Effect": "Allow", "Action": ["iam:ListUsers", ⟦"iam:list"⟧], "Resource": "*"}', messageId: 'unknown', severity: 'warning' },
  ],
});
