import { nearest } from '../../catalog/similar';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-service',
  fix,
  meta: {
    description: 'An action names a service prefix that AWS does not have.',
    category: 'actions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      typo: '"{{service}}" is not an AWS service prefix. Did you mean "{{suggestion}}"?',
      unknown:
        '"{{service}}" is not a service prefix in the IAM catalog (data of {{date}}): the action grants nothing. If AWS added the service since, update the extension.',
    },
  },
  check({ policy, catalog, report }) {
    const prefixes = catalog.services.map((s) => s.prefix);
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        const parts = v.value.trim().split(':');
        if (
          v.dynamic ||
          parts.length !== 2 ||
          /[*?]/.test(parts[0]) ||
          parts[0] === '' ||
          catalog.service(parts[0]) ||
          catalog.undocumentedService(parts[0])
        ) {
          continue;
        }
        // a near spelling only: "datazonecontrol" is not a typo of "datazone"
        const guesses = nearest(parts[0], prefixes, 1, { extensions: false });
        if (guesses.length) {
          report({
            messageId: 'typo',
            at: v,
            data: { service: parts[0], suggestion: guesses[0] },
            fix: { replacements: [`${guesses[0]}:${parts[1]}`] },
          });
        } else {
          report({ messageId: 'unknown', at: v, data: { service: parts[0], date: catalog.dataDate }, severity: 'warning' });
        }
      }
    }
  },
});
