import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

/** Keys that draw a security boundary; an Allow that passes when they are absent has none. */
const BOUNDARY_KEYS = new Set([
  'aws:sourceip',
  'aws:vpcsourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcevpcarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:multifactorauthage',
  'iam:passedtoservice',
  'sts:externalid',
]);

export default defineRule<Payload>({
  id: 'if-exists-trap',
  fix,
  meta: {
    description: 'An Allow uses an ...IfExists operator on a key that draws a security boundary, so requests without the key pass.',
    category: 'conditions',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    messages: {
      trap: '{{operator}} also matches requests without "{{key}}" ({{absent}}), so this Allow is not limited to it. Use "{{fixed}}".',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      for (const clause of s.condition?.clauses ?? []) {
        const p = parseOperator(clause.operator);
        if (!p.ifExists || !p.info || p.info.negated) {
          continue;
        }
        for (const entry of clause.entries) {
          const key = entry.key.toLowerCase();
          if (!BOUNDARY_KEYS.has(key)) {
            continue;
          }
          const absent =
            key === 'aws:sourceip'
              ? 'for example requests made through a VPC endpoint or by an AWS service'
              : key.startsWith('aws:source')
                ? 'requests that do not come from a service on your behalf'
                : 'requests that do not carry it';
          const fixed = clause.operator.replace(/IfExists$/, '');
          report({
            messageId: 'trap',
            at: keyOf(entry.element),
            data: { operator: clause.operator, key: entry.key, absent, fixed },
            fix: { replacements: [fixed], operatorPath: clause.element.path },
          });
        }
      }
    }
  },
});
