import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'missing-set-operator',
  fix,
  meta: {
    description: 'A multivalued condition key is tested without ForAnyValue or ForAllValues.',
    category: 'conditions',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        '"{{key}}" can carry several values: say how they must match with ForAnyValue:{{operator}} (at least one) or ForAllValues:{{operator}} (every one).',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const p = parseOperator(clause.operator);
        if (p.qualifier || !p.info || p.info.family === 'Null') {
          continue;
        }
        for (const entry of clause.entries) {
          const info = catalog.conditionKey(entry.key);
          if (info?.multiValued) {
            report({
              messageId: 'missing',
              at: keyOf(entry.element),
              data: { key: entry.key, operator: clause.operator },
              fix: {
                replacements: [`ForAnyValue:${clause.operator}`, `ForAllValues:${clause.operator}`],
                operatorPath: clause.element.path,
              },
            });
          }
        }
      }
    }
  },
});
