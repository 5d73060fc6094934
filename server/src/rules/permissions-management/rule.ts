import { defineRule } from '../ruleApi';
import { listSome } from '../helpers';
import { conditionAdjustment, coversAllOf, isFullAdmin, resourceBreadth, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'permissions-management',
  fix,
  meta: {
    description: 'An Allow grants permissions-management actions (which change who has access) on all resources.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      pm: '"{{value}}" grants {{count}} permissions-management action{{plural}} ({{examples}}) on {{scope}}: the caller can change who has access to them{{why}}.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.action || isFullAdmin(facts, s)) {
        continue;
      }
      const breadth = resourceBreadth(facts, s);
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      for (const { pattern, matches } of facts.expanded(s).byPattern) {
        const pm = matches.filter((a) => a.level === 'Permissions management' && facts.grants(s, a) && coversAllOf(facts, s, a));
        if (pattern.dynamic || pm.length === 0) {
          continue;
        }
        report(
          withAdjustment(
            {
              messageId: 'pm',
              at: pattern,
              data: {
                value: pattern.value.trim(),
                count: pm.length,
                plural: pm.length > 1 ? 's' : '',
                examples: listSome(
                  pm.map((a) => a.fullName),
                  3,
                ),
                scope: breadth === 'all' ? 'every resource' : 'every resource of its type',
                why: adj.why,
              },
            },
            adj,
          ),
        );
      }
    }
  },
});
