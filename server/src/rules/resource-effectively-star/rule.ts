import { parseArn, resourceCoversTemplate } from '../../catalog/arn';
import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'resource-effectively-star',
  meta: {
    description: 'A resource ARN pattern matches every resource of its type in every account and Region, so it is as broad as "*".',
    category: 'resources',
    defaultSeverity: 'info',
    messages: {
      star: '"{{value}}" matches every {{type}} in every account{{regions}}: it is as broad as "*". Name your account and resources.',
    },
  },
  check({ policy, catalog, facts, report }) {
    // services per action list, computed only for statements with a wildcard ARN (and shared)
    const servicesOf = new Map<readonly unknown[], Set<unknown>>();
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.resource) {
        continue;
      }
      let services: Set<unknown> | undefined;
      for (const v of s.resource.values) {
        const value = v.value.trim();
        const arn = parseArn(value);
        if (v.dynamic || !arn || !/[*?]/.test(value)) {
          continue;
        }
        const actions = facts.expanded(s).actions;
        services ??= servicesOf.get(actions) ?? new Set(actions.map((a) => a.service));
        servicesOf.set(actions, services);
        const type = catalog.resourceTypesMatching(value).find((t) => services!.has(t.service) && resourceCoversTemplate(value, t.arn));
        if (type) {
          const regional = parseArn(type.arn)?.region !== '';
          report({
            messageId: 'star',
            at: v,
            data: { value, type: `${type.service.prefix} ${type.name}`, regions: regional ? ' and Region' : '' },
          });
        }
      }
    }
  },
});
