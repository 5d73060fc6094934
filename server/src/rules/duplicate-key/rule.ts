import type { JsonNode } from '../../syntax/parseJson';
import { defineRule } from '../ruleApi';
import { walk } from '../helpers';

/** Condition operators and keys are case-insensitive: "StringEquals" twice in any case is a duplicate. */
function isConditionLevel(object: JsonNode): boolean {
  const parentKey = object.parent?.type === 'property' ? object.parent.children?.[0]?.value : undefined;
  if (parentKey === 'Condition') {
    return true;
  }
  // the object of an operator: { "StringEquals": { ...keys } }
  const grand = object.parent?.parent;
  const grandKey = grand?.parent?.type === 'property' ? grand.parent.children?.[0]?.value : undefined;
  return grandKey === 'Condition';
}

export default defineRule({
  id: 'duplicate-key',
  meta: {
    description: 'A key appears twice in the same object; one of the values is silently ignored.',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: {
      duplicate: 'Duplicate key "{{key}}": only one of the values takes effect (IAM may reject the policy).',
      caseDuplicate: '"{{key}}" duplicates "{{other}}": condition operators and keys are case-insensitive, so only one takes effect.',
    },
  },
  check({ policy, report }) {
    walk(policy.root, (node) => {
      if (node.type !== 'object') {
        return;
      }
      const seen = new Map<string, string>();
      const conditionLevel = isConditionLevel(node);
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode || typeof keyNode.value !== 'string') {
          continue;
        }
        const key = keyNode.value;
        const norm = conditionLevel ? key.toLowerCase() : key;
        const earlier = seen.get(norm);
        if (earlier === undefined) {
          seen.set(norm, key);
        } else if (earlier === key) {
          report({ messageId: 'duplicate', at: { node: keyNode, path: pathOf(keyNode) }, data: { key } });
        } else {
          report({ messageId: 'caseDuplicate', at: { node: keyNode, path: pathOf(keyNode) }, data: { key, other: earlier } });
        }
      }
    });
  },
});

/** JSON path of a property key node (walking parents). */
function pathOf(keyNode: JsonNode): (string | number)[] {
  const path: (string | number)[] = [];
  let node: JsonNode | undefined = keyNode.parent; // the property
  while (node) {
    const parent: JsonNode | undefined = node.parent;
    if (node.type === 'property') {
      path.unshift(String(node.children?.[0]?.value));
    } else if (parent?.type === 'array') {
      path.unshift(parent.children?.indexOf(node) ?? 0);
    }
    node = parent;
  }
  return path;
}
