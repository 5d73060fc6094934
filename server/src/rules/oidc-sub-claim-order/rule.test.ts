import rule from './rule';
import { testRule } from '../../testing/testRule';

const trust = (condition: string) =>
  `{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": ${condition}}`;
const aud = '"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}';

testRule(rule, {
  accept: [
    {
      code: trust(`{${aud}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}}`),
      policyType: 'trust',
    },
    {
      code: trust(
        `{${aud}, "StringLike": {"token.actions.githubusercontent.com:sub": ["repo:my-org/*:ref:refs/heads/main", "repository_owner_id:123456:*"]}}`,
      ),
      policyType: 'trust',
    },
    {
      code: trust(
        `{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:environment:prod"}}`,
      ),
      policyType: 'trust',
    },
  ],
  reject: [
    {
      code: trust(`{${aud}, "StringLike": {"token.actions.githubusercontent.com:sub": ⟦"workflow:deploy:*"⟧}}`),
      policyType: 'trust',
      messageId: 'order',
      security: true,
      message: /starts with "workflow:"/,
    },
    {
      code: trust(`{${aud}, "StringLike": {"token.actions.githubusercontent.com:sub": ⟦"*:ref:refs/heads/main"⟧}}`),
      policyType: 'trust',
      messageId: 'order',
      message: /a wildcard/,
    },
    {
      code: trust(`{${aud}, "StringLike": {"token.actions.githubusercontent.com:sub": ⟦"environment:prod:*"⟧}}`),
      policyType: 'trust',
      messageId: 'order',
    },
    {
      code: trust(
        `{"StringLike": {"token.actions.githubusercontent.com:aud": ⟦"*"⟧, "token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}}`,
      ),
      policyType: 'trust',
      messageId: 'audience',
      severity: 'info',
    },
  ],
});
