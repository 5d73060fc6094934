import type { ActionInfo } from '../../catalog/catalog';
import type { Located, Statement } from '../../policy/model';
import { defineRule, type Severity } from '../ruleApi';
import { keyOf, listSome } from '../helpers';
import { conditionAdjustment, isFullAdmin, resourceBreadth } from '../security';
import { ESCALATION_METHODS } from './escalationMethods';

/** 3: unconditioned on broad resources; 2: unconditioned on named resources; 1: limited by a condition. */
type Level = 1 | 2 | 3;

export default defineRule({
  id: 'privilege-escalation',
  meta: {
    description: 'The policy allows a known privilege-escalation path: actions that let the caller grant themselves more permissions.',
    category: 'security',
    defaultSeverity: 'warning',
    // IAM, Lambda, Glue... permissions are granted by identity policies; a queue or bucket policy's \"*\" means that service's actions
    policyTypes: ['identity'],
    security: true,
    messages: {
      escalation: '"{{value}}" allows privilege escalation: {{methods}}{{scope}}{{why}}.',
    },
  },
  check({ policy, catalog, facts, report }) {
    const net = facts.netAllowed();
    const found = new Map<string, { at: Located; value: string; methods: string[]; level: Level; why: string }>();
    // expand every statement first: then an action whose service no statement read cannot be allowed
    for (const s of policy.statements) {
      facts.expanded(s);
    }
    for (const method of ESCALATION_METHODS) {
      const actions = method.actions.map((name) => catalog.actionIfRead(name));
      if (actions.some((a) => !a || !net.has(a))) {
        continue;
      }
      let level = 3 as Level;
      let why = '';
      let anchor: { at: Located; value: string } | undefined;
      let exploitable = true;
      for (const [i, action] of (actions as ActionInfo[]).entries()) {
        let best: { s: Statement; level: Level; why: string } | undefined;
        for (const s of net.get(action) ?? []) {
          if (isFullAdmin(facts, s)) {
            continue;
          }
          const breadth = resourceBreadth(facts, s);
          if ((breadth === 'self' && method.selfSafe) || (breadth === 'awsManaged' && method.awsManagedSafe)) {
            continue;
          }
          const adj = conditionAdjustment(facts, s);
          if (adj.dead) {
            continue;
          }
          const l: Level = adj.severity ? 1 : breadth === 'all' || breadth === 'wildcard' ? 3 : 2;
          if (!best || l > best.level) {
            best = { s, level: l, why: adj.why };
          }
        }
        if (!best) {
          exploitable = false;
          break;
        }
        if (best.level < level) {
          level = best.level;
          why = best.why;
        }
        if (i === 0) {
          const granting = facts.expanded(best.s).byPattern.find((p) => p.matches.includes(action));
          anchor = granting
            ? { at: granting.pattern, value: granting.pattern.value.trim() }
            : best.s.notAction
              ? { at: keyOf(best.s.notAction.element), value: 'NotAction' }
              : { at: best.s, value: action.fullName };
        }
      }
      if (!exploitable || !anchor) {
        continue;
      }
      const a = anchor as { at: Located; value: string };
      const key = `${a.at.node.offset}:${a.at.node.length}`;
      const entry = found.get(key) ?? { at: a.at, value: a.value, methods: [], level, why };
      entry.methods.push(`${method.name} (${method.actions.join(' + ')})`);
      if (level > entry.level) {
        entry.level = level;
        entry.why = why;
      }
      found.set(key, entry);
    }
    for (const e of found.values()) {
      const severity: Severity = e.level === 3 ? 'warning' : e.level === 2 ? 'warning' : 'info';
      report({
        messageId: 'escalation',
        at: e.at,
        data: {
          value: e.value,
          methods: listSome(e.methods, 3),
          scope: e.level === 2 ? ' (limited to the named resources)' : '',
          why: e.why,
        },
        severity,
        security: e.level === 3,
      });
    }
  },
});
