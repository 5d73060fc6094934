import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';

const PAIRS: [string, string][] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

export default defineRule({
  id: 'conflicting-elements',
  meta: {
    description: 'A statement has both Action and NotAction (or Resource and NotResource, or Principal and NotPrincipal).',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: { both: '"{{a}}" and "{{b}}" cannot be used in the same statement; keep one.' },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const [a, b] of PAIRS) {
        const ea = s.elements.find((e) => e.name === a);
        const eb = s.elements.find((e) => e.name === b);
        if (ea && eb) {
          const later = ea.keyNode.offset > eb.keyNode.offset ? ea : eb;
          report({ messageId: 'both', at: keyOf(later), data: { a, b } });
        }
      }
    }
  },
});
