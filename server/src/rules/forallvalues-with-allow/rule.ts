import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'forallvalues-with-allow',
  fix,
  meta: {
    description: 'ForAllValues in an Allow statement is also true when the key is absent, so it allows more than it seems.',
    category: 'conditions',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      absent:
        '{{operator}} is also true when "{{key}}" is absent from the request, so this Allow applies to requests without it too. Add "Null": {"{{key}}": "false"} to require the key.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.condition) {
        continue;
      }
      // keys the statement requires to be present: Null false, or a ForAnyValue/plain test of the same key
      const required = new Set<string>();
      for (const clause of s.condition.clauses) {
        const p = parseOperator(clause.operator);
        for (const entry of clause.entries) {
          const key = entry.key.toLowerCase();
          if (p.info?.family === 'Null' && entry.values.every((v) => v.value.toLowerCase() === 'false')) {
            required.add(key);
          }
          if (p.info && p.info.family !== 'Null' && p.qualifier !== 'ForAllValues' && !p.ifExists && !p.info.negated) {
            required.add(key);
          }
        }
      }
      for (const clause of s.condition.clauses) {
        const p = parseOperator(clause.operator);
        if (p.qualifier !== 'ForAllValues' || !p.info || p.info.negated) {
          continue;
        }
        for (const entry of clause.entries) {
          if (!required.has(entry.key.toLowerCase())) {
            report({
              messageId: 'absent',
              at: keyOf(entry.element),
              data: { operator: clause.operator, key: entry.key },
              fix: { addNullCheck: entry.key },
            });
          }
        }
      }
    }
  },
});
