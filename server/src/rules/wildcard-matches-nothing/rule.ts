import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'wildcard-matches-nothing',
  meta: {
    description: 'An action wildcard matches no action of its service.',
    category: 'actions',
    defaultSeverity: 'warning',
    messages: { nothing: '"{{value}}" matches no {{serviceName}} action (IAM data of {{date}}), so it grants nothing.' },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        const value = v.value.trim();
        const parts = value.split(':');
        if (v.dynamic || parts.length !== 2 || !/[*?]/.test(parts[1]) || /[*?]/.test(parts[0])) {
          continue;
        }
        const service = catalog.service(parts[0]);
        if (service && catalog.matchActions(value).length === 0) {
          report({ messageId: 'nothing', at: v, data: { value, serviceName: service.name, date: catalog.dataDate } });
        }
      }
    }
  },
});
