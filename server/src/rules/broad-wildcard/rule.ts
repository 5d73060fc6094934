import { defineRule } from '../ruleApi';
import { conditionAdjustment, isFullAdmin, netActionsOf } from '../security';
import { fix, type Payload } from './fix';

/** a read-only wildcard is worth a note from this many actions; one that changes resources from fewer */
const READ_THRESHOLD = 20;
const WRITE_THRESHOLD = 5;

export default defineRule<Payload>({
  id: 'broad-wildcard',
  fix,
  meta: {
    description: 'An action wildcard such as "iam:Get*" grants many actions at once; review what it includes.',
    category: 'security',
    defaultSeverity: 'info',
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      read: '"{{value}}" grants {{count}} read-only actions ({{levels}}){{why}}.',
      write: '"{{value}}" grants {{count}} actions, {{changing}} of them changing resources ({{levels}}){{why}}. List the ones you need.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || isFullAdmin(facts, s)) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      for (const { pattern, matches: all } of facts.expanded(s).byPattern) {
        const value = pattern.value.trim();
        // "*" and "svc:*" have their own rules
        if (pattern.dynamic || value === '*' || /^[^:]+:\*$/.test(value) || !/[*?]/.test(value)) {
          continue;
        }
        const matches = netActionsOf(facts, s, all);
        const counts = new Map<string, number>();
        for (const a of matches) {
          counts.set(a.level, (counts.get(a.level) ?? 0) + 1);
        }
        const levels = [...counts.entries()].map(([l, n]) => `${l} ${n}`).join(', ');
        const changing = matches.filter((a) => a.level !== 'List' && a.level !== 'Read').length;
        if (matches.length < (changing > 0 ? WRITE_THRESHOLD : READ_THRESHOLD)) {
          continue;
        }
        report({
          messageId: changing === 0 ? 'read' : 'write',
          at: pattern,
          data: { value, count: matches.length, levels, changing, why: adj.why },
        });
      }
    }
  },
});
