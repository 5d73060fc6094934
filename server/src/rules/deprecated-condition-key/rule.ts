import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'deprecated-condition-key',
  fix,
  meta: {
    description: 'A deprecated global condition key.',
    category: 'conditions',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { deprecated: '"{{key}}" is deprecated: use "{{replacement}}".' },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        for (const entry of clause.entries) {
          const info = catalog.conditionKey(entry.key);
          if (info?.deprecatedBy) {
            report({
              messageId: 'deprecated',
              at: keyOf(entry.element),
              data: { key: entry.key, replacement: info.deprecatedBy },
              deprecated: true,
              fix: { replacements: [info.deprecatedBy] },
            });
          }
        }
      }
    }
  },
});
