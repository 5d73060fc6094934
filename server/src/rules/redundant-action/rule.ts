import type { ActionInfo } from '../../catalog/catalog';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

/** Sets of the catalog's (cached, shared) match lists, so a covered check is linear. */
const setsOf = new WeakMap<readonly ActionInfo[], Set<ActionInfo>>();
function covers(wide: readonly ActionInfo[], narrow: readonly ActionInfo[]): boolean {
  let set = setsOf.get(wide);
  if (!set) {
    set = new Set(wide);
    setsOf.set(wide, set);
  }
  return narrow.every((a) => set.has(a));
}

export default defineRule<Payload>({
  id: 'redundant-action',
  fix,
  meta: {
    description: 'An action is listed twice, or is already matched by a wildcard in the same statement.',
    category: 'suggestions',
    defaultSeverity: 'hint',
    fixable: true,
    fixAccess: 'keeps',
    messages: {
      duplicate: '"{{value}}" is listed twice in this statement.',
      covered: '"{{value}}" is already matched by "{{by}}" in this statement.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      const expanded = facts.expanded(s).byPattern;
      const seen = new Map<string, string>();
      // only a wildcard can cover another pattern: the candidates, in order, computed once
      const wildcards = expanded.flatMap((other, j) => {
        const otherValue = other.pattern.value.trim();
        return /[*?]/.test(otherValue) ? [{ j, other, otherValue, otherKey: otherValue.toLowerCase() }] : [];
      });
      expanded.forEach(({ pattern, matches }, i) => {
        const value = pattern.value.trim();
        if (pattern.dynamic || value === '') {
          return;
        }
        const key = value.toLowerCase();
        if (seen.has(key)) {
          report({ messageId: 'duplicate', at: pattern, data: { value }, unnecessary: true });
          return;
        }
        seen.set(key, value);
        if (matches.length === 0 || expanded.length < 2) {
          return;
        }
        for (const { j, other, otherValue, otherKey } of wildcards) {
          if (j === i || otherKey === key || other.matches.length <= matches.length - 1) {
            continue;
          }
          // covered when the other pattern matches everything this one does (and is a wildcard)
          if (other.matches.length >= matches.length && covers(other.matches, matches)) {
            if (other.matches.length === matches.length && j > i) {
              continue;
            } // equal sets: report the later one only
            report({ messageId: 'covered', at: pattern, data: { value, by: otherValue }, unnecessary: true });
            return;
          }
        }
      });
    }
  },
});
