import { defineRule } from '../ruleApi';
import { listSome, valueOf } from '../helpers';
import { conditionAdjustment, isFullAdmin, netActionsOf, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'resource-star',
  fix,
  meta: {
    description: 'An Allow grants actions that change resources on "Resource": "*", although they support resource-level permissions.',
    category: 'security',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      star: '"Resource": "*" lets {{actions}} act on every resource of the account{{why}}. These actions accept ARNs: name the resources.',
    },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.resource || isFullAdmin(facts, s)) {continue;}
      const star = s.resource.values.find((v) => v.value.trim() === '*');
      if (!star) {continue;}
      // actions that only accept "*" (ec2:Describe*, xray:PutTraceSegments) are fine there
      const offending = netActionsOf(facts, s, facts.expanded(s).actions)
        .filter((a) => a.level !== 'List' && a.level !== 'Read' && catalog.resourceTypesOf(a).length > 0)
        .map((a) => a.fullName);
      if (offending.length === 0) {continue;}
      const adj = conditionAdjustment(facts, s);
      report(
        withAdjustment(
          { messageId: 'star', at: s.resource.isArray ? star : valueOf(s.resource.element), data: { actions: listSome(offending, 3), why: adj.why } },
          adj,
        ),
      );
    }
  },
});
