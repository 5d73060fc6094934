import { defineRule } from '../ruleApi';
import { conditionAdjustment, coversAllOf, isFullAdmin, withAdjustment } from '../security';
import { CREDENTIAL_ACTIONS } from './credentialActions';

export default defineRule({
  id: 'credentials-exposure',
  meta: {
    description: 'An Allow grants actions that return credentials or tokens, on all resources.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    messages: {
      credentials:
        '"{{value}}" returns credentials ({{actions}}) for every resource: whoever has this policy can obtain them{{why}}. Limit the resources.',
    },
  },
  check({ policy, catalog, facts, report }) {
    // expand every statement first: then the list's actions of services no statement read cannot match
    for (const s of policy.statements) {
      facts.expanded(s);
    }
    const credentialActions = new Set(CREDENTIAL_ACTIONS.map((n) => catalog.actionIfRead(n)).filter((a) => !!a));
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.action || isFullAdmin(facts, s)) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      for (const { pattern, matches } of facts.expanded(s).byPattern) {
        const hits = matches.filter((a) => credentialActions.has(a) && facts.grants(s, a) && coversAllOf(facts, s, a));
        // a service-wide wildcard is reported by service-wildcard and privilege-escalation already
        if (pattern.dynamic || hits.length === 0 || /:\*$/.test(pattern.value.trim()) || pattern.value.trim() === '*') {
          continue;
        }
        report(
          withAdjustment(
            {
              messageId: 'credentials',
              at: pattern,
              data: { value: pattern.value.trim(), actions: hits.map((a) => a.fullName).join(', '), why: adj.why },
            },
            adj,
          ),
        );
      }
    }
  },
});
