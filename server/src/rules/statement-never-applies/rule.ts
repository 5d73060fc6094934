/**
 * statement-never-applies: a condition that can no longer be true (a token issue time or date in
 * the past) makes the statement dead. Said once, here; a misspelled condition key, the other cause,
 * is said by unknown-condition-key. The broad-grant rules stay quiet on dead statements.
 */
import { keyOf } from '../helpers';
import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'statement-never-applies',
  meta: {
    description: 'A statement whose condition can never be true (a date in the past) never applies.',
    category: 'conditions',
    defaultSeverity: 'warning',
    messages: {
      date: 'This statement never applies: {{reason}}. Remove it, or fix the date.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      const dead = facts.conditions(s).neverTrue.find((n) => n.cause === 'date');
      if (!dead) {
        continue;
      }
      const entry = s.condition?.clauses.flatMap((c) => c.entries).find((e) => e.key === dead.key);
      if (!entry) {
        continue;
      }
      report({ messageId: 'date', at: keyOf(entry.element), data: { reason: dead.reason ?? '' } });
    }
  },
});
