import type { JsonNode } from '../../syntax/parseJson';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'empty-value',
  fix,
  meta: {
    description: 'An element is an empty array, object or string, so it matches nothing.',
    category: 'grammar',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      emptyList: '"{{element}}" is empty: {{consequence}}',
      emptyString: '"{{element}}" is an empty string.',
      emptyCondition: 'This condition block is empty; remove it.',
    },
  },
  check({ policy, report }) {
    const isEmpty = (node: JsonNode | undefined) =>
      (node?.type === 'array' || node?.type === 'object') && (node.children?.length ?? 0) === 0;
    for (const s of policy.statements) {
      for (const e of s.elements) {
        const v = e.valueNode;
        if (!v) {
          continue;
        }
        if (isEmpty(v)) {
          const consequence =
            e.name === 'Action' || e.name === 'Resource'
              ? 'this statement applies to nothing.'
              : e.name === 'Condition'
                ? 'remove it.'
                : 'it matches nothing.';
          report({
            messageId: e.name === 'Condition' ? 'emptyCondition' : 'emptyList',
            at: { node: v, path: e.path },
            data: { element: e.name, consequence },
            unnecessary: e.name === 'Condition',
            ...(e.name === 'Condition' ? { fix: { removePath: e.path } } : {}),
          });
        } else if (
          v.type === 'string' &&
          v.value === '' &&
          (e.name === 'Sid' || e.name === 'Action' || e.name === 'Resource' || e.name === 'NotAction' || e.name === 'NotResource')
        ) {
          report({
            messageId: 'emptyString',
            at: { node: v, path: e.path },
            data: { element: e.name },
            ...(e.name === 'Sid' ? { fix: { removePath: e.path } } : {}),
          });
        }
      }
      for (const clause of s.condition?.clauses ?? []) {
        if (isEmpty(clause.element.valueNode)) {
          report({
            messageId: 'emptyList',
            at: { node: clause.element.valueNode!, path: clause.element.path },
            data: { element: clause.operator, consequence: 'remove it.' },
          });
        }
        for (const entry of clause.entries) {
          if (isEmpty(entry.element.valueNode)) {
            report({
              messageId: 'emptyList',
              at: { node: entry.element.valueNode!, path: entry.element.path },
              data: { element: entry.key, consequence: 'no value can match.' },
            });
          }
        }
      }
    }
  },
});
