import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'duplicate-sid',
  meta: {
    description: 'Two statements have the same Sid.',
    category: 'grammar',
    defaultSeverity: 'warning',
    messages: { duplicate: 'Sid "{{value}}" is already used by statement {{first}}: Sids must be unique within a policy.' },
  },
  check({ policy, report }) {
    const seen = new Map<string, number>();
    policy.statements.forEach((s, i) => {
      const sid = s.sid;
      if (!sid || sid.value === '' || sid.dynamic) {
        return;
      }
      const first = seen.get(sid.value);
      if (first === undefined) {
        seen.set(sid.value, i);
      } else {
        report({
          messageId: 'duplicate',
          at: sid,
          data: { value: sid.value, first: first + 1 },
          severity: policy.policyType === 'identity' ? 'warning' : 'error',
        });
      }
    });
  },
});
