import type { Statement } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';
import { fix, type Payload } from './fix';

/**
 * A canonical text of an element's value: its source without whitespace, with a one-element
 * array written as its element (`["x"]` and `"x"` mean the same).
 */
function canonical(text: string, s: Statement, name: string): string {
  const element = s.elements.find((e) => e.name === name);
  const node = element?.valueNode;
  if (!node) {
    return '';
  }
  if (node.type === 'array' && node.children?.length === 1) {
    const only = node.children[0];
    return compact(text.slice(only.offset, only.offset + only.length));
  }
  return compact(text.slice(node.offset, node.offset + node.length));
}

/** Removes whitespace outside strings. */
function compact(source: string): string {
  return source.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_m, str: string | undefined) => str ?? '');
}

export default defineRule<Payload>({
  id: 'mergeable-statements',
  fix,
  meta: {
    description: 'Two statements differ only in their actions (or only in their resources) and can be merged.',
    category: 'suggestions',
    defaultSeverity: 'hint',
    fixable: true,
    fixAccess: 'keeps',
    messages: {
      actions:
        'This statement has the same effect, resources and conditions as statement {{other}}: merge their actions into one statement.',
      resources:
        'This statement has the same effect, actions and conditions as statement {{other}}: merge their resources into one statement.',
    },
  },
  check({ policy, report }) {
    const text = policy.tree.text;
    const index = new Map(policy.statements.map((s, i) => [s, i + 1]));
    // group statements by everything but their actions (or resources): linear, not pairwise
    const byRest = new Map<string, Statement>();
    const byActions = new Map<string, Statement>();
    for (const s of policy.statements) {
      if (!s.action || s.notAction || !(s.resource || s.notResource)) {
        continue;
      }
      const common = ['Effect', 'Condition', 'Principal', 'NotPrincipal'].map((n) => canonical(text, s, n)).join('|');
      const resourceName = s.notResource ? 'NotResource' : 'Resource';
      const resources = `${resourceName}:${canonical(text, s, resourceName)}`;
      const actions = canonical(text, s, 'Action');
      const sameResources = `${common}|${resources}`;
      const sameActions = `${common}|${actions}|${s.notResource ? 'not' : ''}`;
      const first = byRest.get(sameResources);
      if (first && canonical(text, first, 'Action') !== actions) {
        report({
          messageId: 'actions',
          at: statementAnchor(s),
          data: { other: index.get(first) ?? 0 },
          fix: { mergeInto: first.path, merge: 'Action' },
        });
      } else if (!first) {
        byRest.set(sameResources, s);
      }
      const firstSameActions = byActions.get(sameActions);
      if (
        firstSameActions &&
        !s.notResource &&
        canonical(text, firstSameActions, resourceName) !== canonical(text, s, resourceName) &&
        !first
      ) {
        report({
          messageId: 'resources',
          at: statementAnchor(s),
          data: { other: index.get(firstSameActions) ?? 0 },
          fix: { mergeInto: firstSameActions.path, merge: 'Resource' },
        });
      } else if (!firstSameActions) {
        byActions.set(sameActions, s);
      }
    }
  },
});
