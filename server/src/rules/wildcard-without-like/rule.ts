import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'wildcard-without-like',
  fix,
  meta: {
    description: 'A condition value contains * or ? but the operator compares literally.',
    category: 'conditions',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      literal: '"{{value}}" contains "{{char}}", but {{operator}} matches it literally. Use {{fixed}} for a wildcard match.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const p = parseOperator(clause.operator);
        if (p.info?.family !== 'String' || p.info.wildcards) {
          continue;
        }
        const fixed = clause.operator
          .replace(/StringEquals(IgnoreCase)?/, 'StringLike')
          .replace(/StringNotEquals(IgnoreCase)?/, 'StringNotLike');
        for (const entry of clause.entries) {
          for (const v of entry.values) {
            // ${*} and ${?} are escapes, not wildcards
            const bare = v.value.replace(/\$\{[*?$]\}/g, '');
            const m = /[*?]/.exec(bare.replace(/\$\{[^}]*\}/g, ''));
            if (m) {
              report({
                messageId: 'literal',
                at: v,
                data: { value: v.value, char: m[0], operator: clause.operator, fixed },
                fix: { replacements: [fixed], operatorPath: clause.element.path },
              });
            }
          }
        }
      }
    }
  },
});
