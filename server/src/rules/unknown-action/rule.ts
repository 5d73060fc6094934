import { nearestActions } from '../../catalog/similar';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-action',
  fix,
  meta: {
    description: 'An action does not exist in its service.',
    category: 'actions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      typo: '"{{value}}" is not {{article}} {{serviceName}} action, so it grants nothing. Did you mean {{suggestions}}?',
      unknown:
        '"{{value}}" is not {{article}} {{serviceName}} action in the IAM catalog (data of {{date}}): it grants nothing. If AWS added it since, update the extension.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        const value = v.value.trim();
        const parts = value.split(':');
        if (v.dynamic || parts.length !== 2 || /[*?]/.test(value)) {
          continue;
        }
        const service = catalog.service(parts[0]);
        // AWS's managed policies use it although the data lacks it: IAM accepts it
        if (!service || catalog.action(value) || catalog.undocumentedAction(value)) {
          continue;
        }
        const guesses = nearestActions(
          parts[1],
          service.actions.map((a) => a.name),
          3,
        ).map((g) => `${service.prefix}:${g}`);
        const data = {
          value,
          serviceName: service.name,
          article: /^[AEIOU]/i.test(service.name) ? 'an' : 'a',
          suggestions: guesses.map((g) => `"${g}"`).join(' or '),
          date: catalog.dataDate,
        };
        if (guesses.length) {
          report({ messageId: 'typo', at: v, data, fix: { replacements: guesses } });
        } else {
          report({ messageId: 'unknown', at: v, data, severity: 'warning' });
        }
      }
    }
  },
});
