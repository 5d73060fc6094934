import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": ["s3:Get*", "iam:List*Tags", "ec2:*"], "Resource": "*"}'],
  reject: [{ code: '{"Effect": "Allow", "Action": ⟦"s3:Gett*"⟧, "Resource": "*"}' }],
});
