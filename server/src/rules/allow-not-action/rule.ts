import type { IamCatalog, ServiceInfo } from '../../catalog/catalog';
import type { ExpandedActions } from '../../analysis/expandActions';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { conditionAdjustment, withAdjustment } from '../security';

/** How many actions and services the statement's NotAction leaves, counted without listing them all (about 22,000). */
function granted(catalog: IamCatalog, expanded: ExpandedActions): { count: number; services: number } {
  if (!expanded.negated) {
    const actions = expanded.actions;
    return { count: actions.length, services: new Set(actions.map((a) => a.service)).size };
  }
  const excluded = new Set(expanded.byPattern.flatMap((p) => p.matches));
  const excludedPerService = new Map<ServiceInfo, number>();
  for (const a of excluded) {
    excludedPerService.set(a.service, (excludedPerService.get(a.service) ?? 0) + 1);
  }
  return {
    count: catalog.actions.length - excluded.size,
    services: catalog.services.filter((sv) => sv.actions.length > (excludedPerService.get(sv) ?? 0)).length,
  };
}

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
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.notAction) {
        continue;
      }
      const { count, services } = granted(catalog, facts.expanded(s));
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      report(withAdjustment({ messageId: 'notAction', at: keyOf(s.notAction.element), data: { count, services, why: adj.why } }, adj));
    }
  },
});
