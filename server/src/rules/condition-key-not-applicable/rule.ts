import type { ConditionKeyInfo } from '../../catalog/catalog';
import { defineRule } from '../ruleApi';
import { keyOf, listSome } from '../helpers';

/** Global keys that only some actions carry: tag keys. The others are in every request. */
function dependsOnAction(info: ConditionKeyInfo): boolean {
  if (info.generic) {
    return false;
  }
  if (!info.global) {
    return true;
  }
  return /^aws:(RequestTag|ResourceTag)\//i.test(info.key) || info.key.toLowerCase() === 'aws:tagkeys';
}

export default defineRule({
  id: 'condition-key-not-applicable',
  meta: {
    description: "A condition key is not available for the statement's actions, so for them the condition is never true.",
    category: 'conditions',
    defaultSeverity: 'warning',
    messages: {
      none: '"{{key}}" is not available for {{actions}}: the key is absent from their requests, so this condition never matches and the statement never applies to them.',
      some: '"{{key}}" is not available for {{count}} of the {{total}} actions of this statement ({{examples}}): for them the key is absent and the condition does not match.',
    },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (!s.action || !s.condition) {
        continue;
      }
      const expanded = facts.expanded(s);
      if (expanded.all || expanded.actions.length === 0 || s.action.values.some((v) => v.dynamic)) {
        continue;
      }
      for (const clause of s.condition.clauses) {
        const ifExists = /IfExists$/.test(clause.operator);
        for (const entry of clause.entries) {
          const info = catalog.conditionKey(entry.key);
          if (!info || !dependsOnAction(info)) {
            continue;
          }
          const unsupported = expanded.actions.filter((a) => !catalog.actionSupportsKey(a, info));
          if (unsupported.length === 0) {
            continue;
          }
          const names = unsupported.map((a) => a.fullName);
          if (unsupported.length === expanded.actions.length) {
            // with IfExists the key's absence makes the condition true: the condition is useless rather than blocking
            report({
              messageId: 'none',
              at: keyOf(entry.element),
              data: { key: entry.key, actions: listSome(names, 3) },
              ...(ifExists ? { severity: 'info' as const } : {}),
            });
          } else {
            report({
              messageId: 'some',
              at: keyOf(entry.element),
              severity: 'info',
              data: { key: entry.key, count: unsupported.length, total: expanded.actions.length, examples: listSome(names, 3) },
            });
          }
        }
      }
    }
  },
});
