import { parseArn, resourceCoversTemplate } from '../../catalog/arn';
import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'resource-effectively-star',
  meta: {
    description: 'A resource ARN pattern matches every resource of its type in every account and Region, so it is as broad as "*".',
    category: 'resources',
    defaultSeverity: 'info',
    messages: { star: '"{{value}}" matches every {{type}} in every account{{regions}}: it is as broad as "*". Name your account and resources.' },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.resource) {continue;}
      const services = new Set(facts.expanded(s).actions.map((a) => a.service));
      for (const v of s.resource.values) {
        const value = v.value.trim();
        const arn = parseArn(value);
        if (v.dynamic || !arn || !/[*?]/.test(value)) {continue;}
        const type = catalog.resourceTypesMatching(value).find((t) => services.has(t.service) && resourceCoversTemplate(value, t.arn));
        if (type) {
          const regional = parseArn(type.arn)?.region !== '';
          report({ messageId: 'star', at: v, data: { value, type: `${type.service.prefix} ${type.name}`, regions: regional ? ' and Region' : '' } });
        }
      }
    }
  },
});
