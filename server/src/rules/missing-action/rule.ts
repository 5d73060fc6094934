import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';

export default defineRule({
  id: 'missing-action',
  meta: {
    description: 'A statement has neither Action nor NotAction.',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: { missing: 'This statement has no "Action" (or "NotAction"): it applies to nothing.' },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.elements.length > 0 && !s.elements.some((e) => e.name === 'Action' || e.name === 'NotAction')) {
        report({ messageId: 'missing', at: statementAnchor(s) });
      }
    }
  },
});
