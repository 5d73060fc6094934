import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';

export default defineRule({
  id: 'missing-principal',
  meta: {
    description: 'A statement of a resource policy, role trust policy or RCP has no Principal.',
    category: 'grammar',
    defaultSeverity: 'error',
    policyTypes: ['resource', 'trust', 'rcp'],
    messages: { missing: 'This statement has no "Principal": {{type}} statements must say whom they apply to.' },
  },
  check({ policy, report }) {
    const type = policy.policyType === 'trust' ? 'role trust policy' : policy.policyType === 'rcp' ? 'RCP' : 'resource policy';
    for (const s of policy.statements) {
      if (s.elements.length > 0 && !s.principal && !s.notPrincipal) {
        report({ messageId: 'missing', at: statementAnchor(s), data: { type } });
      }
    }
  },
});
