import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

const SERVICE = /^[A-Za-z0-9-]+$/;
const ACTION = /^[A-Za-z0-9_*?-]+$/;

export default defineRule<Payload>({
  id: 'invalid-action-format',
  fix,
  meta: {
    description: 'An action is not of the form service:Action (or "*").',
    category: 'actions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      format: '"{{value}}" is not an action: write service:Action, for example "s3:GetObject".{{suggestion}}',
      serviceWildcard:
        '"{{value}}": a wildcard in the service prefix matches services you did not mean (and may match new ones). Name the service.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        const value = v.value.trim();
        if (v.dynamic || value === '*' || value === '') {
          continue;
        }
        const parts = value.split(':');
        if (parts.length === 2 && /[*?]/.test(parts[0]) && ACTION.test(parts[1])) {
          report({ messageId: 'serviceWildcard', at: v, data: { value }, severity: 'warning' });
          continue;
        }
        if (parts.length !== 2 || !SERVICE.test(parts[0]) || !ACTION.test(parts[1])) {
          // "s3GetObject" or "s3.GetObject": find a known prefix at the start
          const guess = catalog.services
            .filter(
              (svc) =>
                value.toLowerCase().startsWith(svc.prefix) &&
                catalog.action(`${svc.prefix}:${value.slice(svc.prefix.length).replace(/^[.:/_-]+/, '')}`),
            )
            .map((svc) => catalog.action(`${svc.prefix}:${value.slice(svc.prefix.length).replace(/^[.:/_-]+/, '')}`)!.fullName)[0];
          report({
            messageId: 'format',
            at: v,
            data: { value, suggestion: guess ? ` Did you mean "${guess}"?` : '' },
            fix: { replacements: guess ? [guess] : [] },
          });
        }
      }
    }
  },
});
