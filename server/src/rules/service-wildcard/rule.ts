import { defineRule } from '../ruleApi';
import { conditionAdjustment, delegatesToAccounts, isFullAdmin, netActionsOf, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'service-wildcard',
  fix,
  meta: {
    description: 'An Allow grants every action of a service ("s3:*").',
    category: 'security',
    defaultSeverity: 'warning',
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      wildcard:
        '"{{value}}" grants all {{count}} {{service}} actions ({{levels}}), including those AWS adds later{{why}}. Narrow it to the actions you need.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || isFullAdmin(facts, s)) {
        continue;
      }
      // a resource policy delegating to whole accounts ("kms:*" for the account root in AWS's default key policy)
      if (policy.policyType === 'resource' && delegatesToAccounts(s)) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      for (const { pattern, matches } of facts.expanded(s).byPattern) {
        const value = pattern.value.trim();
        const m = /^([A-Za-z0-9-]+):\*$/.exec(value);
        if (pattern.dynamic || !m || netActionsOf(facts, s, matches).length === 0) {
          continue;
        }
        const levels = [...new Set(matches.map((a) => a.level))].join(', ');
        report(
          withAdjustment(
            {
              messageId: 'wildcard',
              at: pattern,
              data: { value, count: matches.length, service: matches[0].service.prefix, levels, why: adj.why },
            },
            adj,
          ),
        );
      }
    }
  },
});
