import { defineRule } from '../ruleApi';
import { statementStrings } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'whitespace-in-value',
  fix,
  meta: {
    description: 'A value has leading or trailing whitespace, so it never matches.',
    category: 'grammar',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { whitespace: '"{{value}}" has {{where}} whitespace: IAM compares it character by character, so it matches nothing.' },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      const strings = [...statementStrings(s), ...(s.effect ? [s.effect] : [])];
      for (const str of strings) {
        if (str.dynamic || str.value.trim() === str.value || str.value.trim() === '') {
          continue;
        }
        const where =
          /^\s/.test(str.value) && /\s$/.test(str.value) ? 'leading and trailing' : /^\s/.test(str.value) ? 'leading' : 'trailing';
        report({ messageId: 'whitespace', at: str, data: { value: str.value, where }, fix: { replacements: [str.value.trim()] } });
      }
    }
  },
});
