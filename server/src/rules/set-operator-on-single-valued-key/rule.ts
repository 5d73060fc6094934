import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'set-operator-on-single-valued-key',
  fix,
  meta: {
    description: 'ForAllValues or ForAnyValue is used with a single-valued condition key.',
    category: 'conditions',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    messages: {
      forAll: 'ForAllValues on single-valued "{{key}}" is also true when the key is absent: drop the qualifier ("{{fixed}}").',
      forAny: 'ForAnyValue is meant for multivalued keys; "{{key}}" has one value: drop the qualifier ("{{fixed}}").',
      nullQualifier: 'Null tests whether the key exists; the {{qualifier}} qualifier adds nothing.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const p = parseOperator(clause.operator);
        if (!p.qualifier || !p.info) {
          continue;
        }
        const fixed = clause.operator.slice(clause.operator.indexOf(':') + 1);
        if (p.info.family === 'Null') {
          report({
            messageId: 'nullQualifier',
            at: keyOf(clause.element),
            data: { qualifier: p.qualifier },
            severity: 'hint',
            security: false,
            fix: { replacements: [fixed] },
          });
          continue;
        }
        for (const entry of clause.entries) {
          const info = catalog.conditionKey(entry.key);
          if (!info || info.multiValued) {
            continue;
          }
          if (p.qualifier === 'ForAllValues') {
            report({
              messageId: 'forAll',
              at: keyOf(entry.element),
              data: { key: entry.key, fixed },
              fix: { replacements: [fixed], operatorPath: clause.element.path },
            });
          } else {
            report({
              messageId: 'forAny',
              at: keyOf(entry.element),
              data: { key: entry.key, fixed },
              severity: 'hint',
              security: false,
              fix: { replacements: [fixed], operatorPath: clause.element.path },
            });
          }
        }
      }
    }
  },
});
