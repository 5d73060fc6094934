import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { conditionAdjustment, withAdjustment } from '../security';

export default defineRule({
  id: 'allow-not-resource',
  meta: {
    description: 'Allow with NotResource grants the actions on every resource except the listed ones, including resources created later.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    messages: {
      notResource:
        '"Allow" with "NotResource" grants these actions on every resource but the listed ones, in every account the principal can reach{{why}}. Name the resources with "Resource".',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.notResource) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      report(withAdjustment({ messageId: 'notResource', at: keyOf(s.notResource.element), data: { why: adj.why } }, adj));
    }
  },
});
