import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::*:user/${aws:username}"}',
    '{"Effect": "Allow", "Action": "redshift:GetClusterCredentials", "Resource": "arn:aws:redshift:us-east-1:111122223333:dbuser:prod/report"}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": [⟦"redshift:getclustercredentials"⟧, ⟦"ecr:getauthorizationtoken"⟧], "Resource": "*"}',
      security: true,
    },
  ],
});
