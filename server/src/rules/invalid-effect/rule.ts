import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'invalid-effect',
  fix,
  meta: {
    description: 'Effect must be exactly "Allow" or "Deny".',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: { invalid: '"{{value}}" is not a valid Effect: use "Allow" or "Deny" (case-sensitive).' },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      const effect = s.effect;
      if (effect && !effect.dynamic && effect.value !== 'Allow' && effect.value !== 'Deny') {
        const lower = effect.value.trim().toLowerCase();
        const replacement = lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : undefined;
        report({
          messageId: 'invalid',
          at: effect,
          data: { value: effect.value },
          fix: replacement ? { replacements: [replacement] } : { replacements: ['Allow', 'Deny'] },
        });
      }
    }
  },
});
