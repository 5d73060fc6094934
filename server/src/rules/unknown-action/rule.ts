import type { ActionInfo } from '../../catalog/catalog';
import { nearestActions } from '../../catalog/similar';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

/** Guesses kept per service (a service's action list is one array for the catalog's life). */
const GUESSES_KEPT = 2000;
const guessMemo = new WeakMap<readonly ActionInfo[], { names: string[]; guesses: Map<string, string[]> }>();

/**
 * Near spellings of an action name in its service, remembered: the same unknown names come back on
 * every keystroke, and comparing one with every action of a large service (ec2 has 700) is the
 * slowest part of a check.
 */
function guessesFor(actions: readonly ActionInfo[], name: string): string[] {
  let memo = guessMemo.get(actions);
  if (!memo) {
    memo = { names: actions.map((a) => a.name), guesses: new Map() };
    guessMemo.set(actions, memo);
  }
  let guesses = memo.guesses.get(name);
  if (!guesses) {
    guesses = nearestActions(name, memo.names, 3);
    if (memo.guesses.size >= GUESSES_KEPT) {
      memo.guesses.clear();
    }
    memo.guesses.set(name, guesses);
  }
  return guesses;
}

export default defineRule<Payload>({
  id: 'unknown-action',
  fix,
  meta: {
    description: 'An action does not exist in its service.',
    category: 'actions',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      typo: '"{{value}}" is not {{article}} {{serviceName}} action, so it grants nothing. Did you mean {{suggestions}}?',
      unknown:
        '"{{value}}" is not {{article}} {{serviceName}} action in the IAM catalog (data of {{date}}): it grants nothing. If AWS added it since, update the extension.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        const value = v.value.trim();
        const parts = value.split(':');
        if (v.dynamic || parts.length !== 2 || /[*?]/.test(value)) {
          continue;
        }
        const service = catalog.service(parts[0]);
        // AWS's managed policies use it although the data lacks it: IAM accepts it
        if (!service || catalog.action(value) || catalog.undocumentedAction(value)) {
          continue;
        }
        const guesses = guessesFor(service.actions, parts[1]).map((g) => `${service.prefix}:${g}`);
        const data = {
          value,
          serviceName: service.name,
          article: /^[AEIOU]/i.test(service.name) ? 'an' : 'a',
          suggestions: guesses.map((g) => `"${g}"`).join(' or '),
          date: catalog.dataDate,
        };
        if (guesses.length) {
          report({ messageId: 'typo', at: v, data, fix: { replacements: guesses } });
        } else {
          report({ messageId: 'unknown', at: v, data, severity: 'warning' });
        }
      }
    }
  },
});
