import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { conditionAdjustment, withAdjustment } from '../security';

export default defineRule({
  id: 'allow-not-action',
  meta: {
    description: 'Allow with NotAction grants every action except the listed ones, including every action AWS adds later.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    messages: {
      notAction:
        '"Allow" with "NotAction" grants {{count}} actions of {{services}} services (everything but the listed ones), and every future action{{why}}. List the actions you need with "Action".',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.notAction) {
        continue;
      }
      const actions = facts.expanded(s).actions;
      const services = new Set(actions.map((a) => a.service)).size;
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      report(
        withAdjustment(
          { messageId: 'notAction', at: keyOf(s.notAction.element), data: { count: actions.length, services, why: adj.why } },
          adj,
        ),
      );
    }
  },
});
