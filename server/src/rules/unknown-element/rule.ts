import { nearest } from '../../catalog/similar';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-element',
  fix,
  meta: {
    description: 'An element name that the IAM policy grammar does not define.',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      topLevel: '"{{name}}" is not a policy element (Version, Id, Statement).{{suggestion}}',
      statement:
        '"{{name}}" is not a statement element (Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition).{{suggestion}}',
    },
  },
  check({ policy, report }) {
    const suggest = (name: string, known: readonly string[]) => {
      const exactCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const guesses = exactCase ? [exactCase] : nearest(name, known, 1);
      return { text: guesses.length ? ` Did you mean "${guesses[0]}"?` : '', guesses };
    };
    for (const e of policy.elements) {
      if (!(TOP_LEVEL_ELEMENTS as readonly string[]).includes(e.name)) {
        const s = suggest(e.name, TOP_LEVEL_ELEMENTS);
        report({ messageId: 'topLevel', at: keyOf(e), data: { name: e.name, suggestion: s.text }, fix: { replacements: s.guesses } });
      }
    }
    for (const statement of policy.statements) {
      for (const e of statement.elements) {
        if (!(STATEMENT_ELEMENTS as readonly string[]).includes(e.name)) {
          const s = suggest(e.name, STATEMENT_ELEMENTS);
          report({ messageId: 'statement', at: keyOf(e), data: { name: e.name, suggestion: s.text }, fix: { replacements: s.guesses } });
        }
      }
    }
  },
});
