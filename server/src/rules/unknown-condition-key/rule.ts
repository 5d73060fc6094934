import { nearest } from '../../catalog/similar';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-condition-key',
  fix,
  meta: {
    description: 'A condition key that AWS does not define, so the condition never matches.',
    category: 'conditions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      global: '"{{key}}" is not a global condition key: the condition never matches.{{suggestion}}',
      service:
        '"{{key}}" is not a {{service}} condition key in the IAM catalog (data of {{date}}): the condition never matches.{{suggestion}}',
      format: '"{{key}}" is not a condition key: keys are written service:name (for example aws:SourceIp).',
      emptyTag: '"{{key}}" names no tag: add the tag key after the slash.',
    },
  },
  check({ policy, catalog, report }) {
    const globals = catalog.globalKeys.map((k) => k.key);
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        for (const entry of clause.entries) {
          const key = entry.key;
          const at = keyOf(entry.element);
          if (/\/$/.test(key) && /:(Resource|Request|Principal)Tag\/$/i.test(key)) {
            report({ messageId: 'emptyTag', at, data: { key } });
            continue;
          }
          if (catalog.conditionKey(key) || catalog.undocumentedConditionKey(key)) {
            continue;
          }
          const colon = key.indexOf(':');
          if (colon <= 0) {
            report({ messageId: 'format', at, data: { key } });
            continue;
          }
          const prefix = key.slice(0, colon).toLowerCase();
          if (prefix === 'aws') {
            const guesses = nearest(key, globals, 2);
            report({
              messageId: 'global',
              at,
              data: { key, suggestion: guesses.length ? ` Did you mean "${guesses[0]}"?` : '' },
              fix: { replacements: guesses },
            });
            continue;
          }
          const service = catalog.service(prefix);
          const candidates = service ? service.conditionKeys.map((k) => k.key) : globals;
          const guesses = nearest(key, candidates, 2);
          report({
            messageId: 'service',
            at,
            data: {
              key,
              service: service?.name ?? prefix,
              date: catalog.dataDate,
              suggestion: guesses.length ? ` Did you mean "${guesses[0]}"?` : '',
            },
            severity: guesses.length ? 'error' : 'warning',
            fix: { replacements: guesses },
          });
        }
      }
    }
  },
});
