import rule from './rule';
import { testRule } from '../../testing/testRule';

const gh = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

testRule(rule, {
  accept: [
    {
      code: `{"Effect": "Allow", "Principal": {"Federated": "${gh}"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}`,
      policyType: 'trust',
    },
  ],
  reject: [
    {
      code: `{"Effect": "Allow", "Principal": {"Federated": ⟦"${gh}"⟧}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}`,
      policyType: 'trust',
      messageId: 'noSub',
      security: true,
    },
    {
      code: `{"Effect": "Allow", "Principal": {"Federated": ⟦"${gh}"⟧}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}}`,
      policyType: 'trust',
      messageId: 'wildcardSub',
      security: true,
    },
    {
      code: `{"Effect": "Allow", "Principal": {"Federated": ⟦"${gh}"⟧}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}`,
      policyType: 'trust',
      messageId: 'noAud',
      severity: 'info',
    },
  ],
});
