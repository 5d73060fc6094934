/** Small helpers shared by rules. */
import type { JsonNode } from '../syntax/parseJson';
import type { Located, PolicyDocument, PolicyElement, PolicyString, Statement, StringList } from '../policy/model';

/** Where to point at a statement as a whole: its Sid, else its Effect key, else the statement object. */
export function statementAnchor(statement: Statement): Located {
  if (statement.sid) {
    return statement.sid;
  }
  const effect = statement.elements.find((e) => e.name === 'Effect');
  if (effect) {
    return { node: effect.keyNode, path: effect.path };
  }
  return statement;
}

/** The key of an element, as a finding target (its path is the element's). */
export function keyOf(element: PolicyElement): Located {
  return { node: element.keyNode, path: element.path };
}

export function valueOf(element: PolicyElement): Located {
  return { node: element.valueNode ?? element.keyNode, path: element.path };
}

/** The root object, narrowed to its opening brace for document-level findings. */
export function documentAnchor(policy: PolicyDocument): Located | { path: []; span: { offset: number; length: number } } {
  const root = policy.root;
  return { path: [], span: { offset: root?.offset ?? 0, length: root ? 1 : 0 } };
}

/** All string lists of a statement that hold actions, resources or principals. */
export function stringLists(statement: Statement): { name: string; list: StringList }[] {
  const out: { name: string; list: StringList }[] = [];
  const add = (name: string, list: StringList | undefined) => {
    if (list) {
      out.push({ name, list });
    }
  };
  add('Action', statement.action);
  add('NotAction', statement.notAction);
  add('Resource', statement.resource);
  add('NotResource', statement.notResource);
  for (const block of [statement.principal, statement.notPrincipal]) {
    for (const entry of block?.entries ?? []) {
      add(entry.type, entry.values);
    }
  }
  return out;
}

/** Every string value of a statement's Action, Resource, Principal and Condition elements. */
export function statementStrings(statement: Statement): PolicyString[] {
  const out: PolicyString[] = [];
  for (const { list } of stringLists(statement)) {
    out.push(...list.values);
  }
  if (statement.principal?.scalar) {
    out.push(statement.principal.scalar);
  }
  if (statement.notPrincipal?.scalar) {
    out.push(statement.notPrincipal.scalar);
  }
  for (const clause of statement.condition?.clauses ?? []) {
    for (const entry of clause.entries) {
      for (const v of entry.values) {
        if (v.jsonType === 'string') {
          out.push(v);
        }
      }
    }
  }
  return out;
}

/** Walks every node of the policy object. */
export function walk(node: JsonNode | undefined, visit: (node: JsonNode) => void): void {
  if (!node) {
    return;
  }
  visit(node);
  for (const child of node.children ?? []) {
    walk(child, visit);
  }
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** `a, b and 3 more` */
export function listSome(items: string[], max = 3): string {
  if (items.length <= max) {
    return items.join(', ');
  }
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
