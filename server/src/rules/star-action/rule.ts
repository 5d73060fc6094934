import { defineRule } from '../ruleApi';
import { conditionAdjustment, isFullAdmin, netActionsOf, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'star-action',
  fix,
  meta: {
    description: 'An Allow grants every action ("Action": "*") on the listed resources.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      star: '"Action": "*" grants every action of every service on these resources, including deleting them and changing their policies{{why}}. List the actions you need.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.action || isFullAdmin(facts, s)) {
        continue;
      }
      // IAM does not trim: "* " matches no action
      const star = s.action.values.find((v) => v.value === '*');
      if (!star || netActionsOf(facts, s, facts.expanded(s).actions).length === 0) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      report(withAdjustment({ messageId: 'star', at: star, data: { why: adj.why } }, adj));
    }
  },
});
