import { defineRule } from '../ruleApi';

const ROOT = /^(\d{12}|arn:[^:]+:iam::(\d{12}):root)$/;

export default defineRule({
  id: 'account-root-trust',
  meta: {
    description: 'A role trusts a whole account (its root) without a condition, so any principal there that is allowed to can assume it.',
    category: 'principals',
    defaultSeverity: 'info',
    policyTypes: ['trust'],
    messages: {
      root: 'Trusting account {{account}} lets every user and role in it that its own policies allow assume this role. Name the role (arn:aws:iam::{{account}}:role/...) or add sts:ExternalId / aws:PrincipalArn.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || s.condition?.clauses.length) {
        continue;
      }
      for (const entry of s.principal?.entries ?? []) {
        if (entry.type !== 'AWS') {
          continue;
        }
        for (const v of entry.values.values) {
          const m = ROOT.exec(v.value.trim());
          if (m) {
            report({ messageId: 'root', at: v, data: { account: m[2] ?? m[1] } });
          }
        }
      }
    }
  },
});
