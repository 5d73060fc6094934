import { allOperatorSpellings, formatOperator, parseOperator } from '../../catalog/operators';
import { nearest } from '../../catalog/similar';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-condition-operator',
  fix,
  meta: {
    description: 'A condition operator that IAM does not define.',
    category: 'conditions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      unknown: '"{{operator}}" is not a condition operator.{{suggestion}}',
      qualifier: '"{{qualifier}}" is not a set qualifier: use ForAnyValue or ForAllValues.',
      nullIfExists: '"NullIfExists" is not valid: Null already tests whether the key exists. Use "Null".',
      caseMismatch: 'Write "{{canonical}}": operators are documented with this exact spelling.',
    },
  },
  check({ policy, report }) {
    const spellings = allOperatorSpellings();
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const op = clause.operator;
        const parsed = parseOperator(op);
        const at = keyOf(clause.element);
        if (parsed.info?.family === 'Null' && parsed.ifExists) {
          report({ messageId: 'nullIfExists', at, fix: { replacements: [formatOperator({ ...parsed, ifExists: false })] } });
        } else if (!parsed.info) {
          const colon = op.indexOf(':');
          const qualifier = colon >= 0 ? op.slice(0, colon) : undefined;
          if (qualifier && qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue' && parseOperator(op.slice(colon + 1)).info) {
            const guess = nearest(qualifier, ['ForAllValues', 'ForAnyValue'], 1);
            report({
              messageId: 'qualifier',
              at,
              data: { qualifier },
              fix: { replacements: guess.map((g) => `${g}:${op.slice(colon + 1)}`) },
            });
          } else {
            const guesses = nearest(op, spellings, 2);
            report({
              messageId: 'unknown',
              at,
              data: { operator: op, suggestion: guesses.length ? ` Did you mean "${guesses[0]}"?` : '' },
              fix: { replacements: guesses },
            });
          }
        } else if (parsed.caseMismatch) {
          const canonical = formatOperator(parsed);
          report({ messageId: 'caseMismatch', at, data: { canonical }, severity: 'warning', fix: { replacements: [canonical] } });
        }
      }
    }
  },
});
