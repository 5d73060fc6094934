import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';
import { conditionAdjustment, isFullAdmin, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'full-admin',
  fix,
  meta: {
    description: 'An Allow grants every action on every resource ("Action": "*" with "Resource": "*"): full administrator access.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      admin:
        'Full administrator access: every action of every AWS service on every resource, including actions AWS adds later{{why}}. Grant only the services and actions this principal needs.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (!isFullAdmin(facts, s) || !s.action) {
        continue;
      }
      // a blanket Deny of everything elsewhere cancels it
      if (facts.deniedElsewhere(s).size === facts.expanded(s).actions.length) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      const star = s.action.values.find((v) => v.value === '*') ?? statementAnchor(s);
      report(withAdjustment({ messageId: 'admin', at: star, data: { why: adj.why } }, adj));
    }
  },
});
