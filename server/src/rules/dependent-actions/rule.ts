/**
 * dependent-actions: an action that AWS authorizes together with another one (lambda:CreateFunction
 * with iam:PassRole for the execution role) is allowed, but the other one is not allowed anywhere in
 * the policy. Info, with a quick-fix (fix.ts) adding the dependency in its own least-privilege
 * statement.
 */
import { defineRule } from '../ruleApi';
import { netActionsOf } from '../security';
import { DEPENDENT_ACTIONS } from './table';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  fix,
  id: 'dependent-actions',
  meta: {
    description:
      'An action needs another action that the policy does not allow (lambda:CreateFunction needs iam:PassRole for the execution role).',
    category: 'actions',
    defaultSeverity: 'info',
    fixable: true,
    policyTypes: ['identity'],
    messages: {
      missing: '{{action}} also needs {{requires}} {{when}}, and this policy does not allow it (see {{doc}}).',
    },
  },
  check({ policy, catalog, facts, report }) {
    // expand every statement first: then an action whose service no statement read cannot be allowed
    for (const s of policy.statements) {
      facts.expanded(s);
    }
    const allowed = (fullName: string) => {
      const action = catalog.actionIfRead(fullName);
      return (
        !!action &&
        policy.statements.some((s) => s.effect?.value === 'Allow' && facts.grants(s, action) && netActionsOf(facts, s, [action]).length > 0)
      );
    };
    const reported = new Set<string>();
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.action) {
        continue;
      }
      for (const entry of DEPENDENT_ACTIONS) {
        const action = catalog.actionIfRead(entry.action);
        if (!action || !facts.grants(s, action) || netActionsOf(facts, s, [action]).length === 0) {
          continue;
        }
        // only explicit names: "ec2:*" or "*" says nothing about intent
        const named = s.action.values.find((v) => v.value.trim().toLowerCase() === entry.action.toLowerCase());
        if (!named || reported.has(`${entry.action}|${entry.requires}`) || allowed(entry.requires)) {
          continue;
        }
        reported.add(`${entry.action}|${entry.requires}`);
        report({
          messageId: 'missing',
          at: named,
          data: { action: entry.action, requires: entry.requires, when: entry.when, doc: entry.doc },
          fix: { requires: entry.requires, ...(entry.passedTo ? { passedTo: entry.passedTo } : {}) },
        });
      }
    }
  },
});
