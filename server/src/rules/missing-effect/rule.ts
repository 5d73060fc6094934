import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'missing-effect',
  fix,
  meta: {
    description: 'A statement has no Effect.',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: { missing: 'This statement has no "Effect": add "Allow" or "Deny".' },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.elements.length > 0 && !s.elements.some((e) => e.name === 'Effect')) {
        report({ messageId: 'missing', at: statementAnchor(s) });
      }
    }
  },
});
