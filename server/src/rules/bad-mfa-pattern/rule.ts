import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'bad-mfa-pattern',
  fix,
  meta: {
    description:
      'An MFA condition that does not do what it reads, because aws:MultiFactorAuthPresent is absent (not false) for long-term access keys.',
    category: 'conditions',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    messages: {
      denyBool:
        'Bool "aws:MultiFactorAuthPresent": "false" does not match requests signed with long-term access keys (the key is absent), so they are not denied. Use "BoolIfExists".',
      allowIfExists:
        'BoolIfExists "aws:MultiFactorAuthPresent": "true" also matches requests without the key (long-term access keys), so MFA is not required. Use "Bool".',
      allowFalse: 'This Allow applies to sessions without MFA: did you mean a Deny, or "true"?',
      nullCheck:
        'Null "aws:MultiFactorAuthPresent": "false" only checks that the key exists (temporary credentials), not that MFA was used. Use Bool "true".',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      const effect = s.effect?.value;
      for (const clause of s.condition?.clauses ?? []) {
        const p = parseOperator(clause.operator);
        for (const entry of clause.entries) {
          if (entry.key.toLowerCase() !== 'aws:multifactorauthpresent' || entry.values.length === 0) {
            continue;
          }
          const value = entry.values[0].value.toLowerCase();
          const at = keyOf(entry.element);
          if (p.info?.family === 'Bool' && !p.ifExists && value === 'false' && effect === 'Deny') {
            report({ messageId: 'denyBool', at, fix: { replacements: ['BoolIfExists'], operatorPath: clause.element.path } });
          } else if (p.info?.family === 'Bool' && p.ifExists && value === 'true' && effect === 'Allow') {
            report({ messageId: 'allowIfExists', at, fix: { replacements: ['Bool'], operatorPath: clause.element.path } });
          } else if (p.info?.family === 'Bool' && value === 'false' && effect === 'Allow') {
            report({ messageId: 'allowFalse', at });
          } else if (p.info?.family === 'Null' && value === 'false' && effect === 'Allow') {
            report({ messageId: 'nullCheck', at });
          }
        }
      }
    }
  },
});
