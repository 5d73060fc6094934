/** Edits at the level of policy elements: lists of actions and resources, conditions, statements. */
import type { PolicyDocument, PolicyString, Statement, StringList } from '../policy/model';

import {
  formatValue,
  insertAfterEntry,
  insertProperty,
  isMultiline,
  lineIndent,
  removeEntries,
  removeEntry,
  replaceArrayEntry,
  replaceNode,
  SnippetObject,
  SnippetValue,
  unsnippet,
  type EditValue,
  type OffsetEdit,
  type EditText,
} from './textEdits';

/** Replace one value of a list (Action, Resource, ...) by several; a single string becomes an array. */
export function replaceListValue(s: EditText, list: StringList, value: PolicyString, replacements: EditValue[]): OffsetEdit {
  const array = list.element.valueNode!;
  if (list.isArray) {
    if (replacements.length === 0 && list.values.length > 1) {
      // every replacement is already in the list: the value goes, with its comma
      return removeEntry(array, value.node);
    }
    return replaceArrayEntry(s.text, array, value.node, replacements, s.style);
  }
  if (replacements.length === 1) {
    return replaceNode(s.text, value.node, replacements[0], s.style, true);
  }
  // a string grows into an array laid out over lines when the statement is
  const statementNode = list.element.propertyNode.parent ?? array;
  return replaceNode(s.text, value.node, replacements, s.style, !isMultiline(s.text, statementNode));
}

/** Remove one value of a list; the last value of a single-string element is left alone. */
export function removeListValue(list: StringList, value: PolicyString): OffsetEdit | undefined {
  if (!list.isArray) {
    return undefined;
  }
  return removeEntry(list.element.valueNode!, value.node);
}

/** Remove several values of one list in non-overlapping edits (nothing for a single-string element). */
export function removeListValues(list: StringList, values: PolicyString[]): OffsetEdit[] {
  if (!list.isArray || values.length === 0) {
    return [];
  }
  return removeEntries(
    list.element.valueNode!,
    values.map((v) => v.node),
  );
}

/** Add values to a list (converting a single string to an array). */
export function appendToList(s: EditText, list: StringList, values: EditValue[]): OffsetEdit {
  const node = list.element.valueNode!;
  if (list.isArray && node.children?.length) {
    return insertAfterEntry(s.text, node, node.children[node.children.length - 1], values, s.style);
  }
  const existing = list.values.map((v) => v.value as EditValue);
  const statementNode = list.element.propertyNode.parent ?? node;
  return replaceNode(s.text, node, [...existing, ...values], s.style, !isMultiline(s.text, statementNode));
}

/**
 * Adds `"Operator": {"key": value}` to a statement's Condition, merging into what is there.
 * Undefined when the statement already tests the key under that operator (or cannot hold the condition).
 */
export function addCondition(
  s: EditText,
  statement: Statement,
  operator: string,
  key: string | SnippetValue,
  value: EditValue,
): OffsetEdit | undefined {
  const entryValue = new SnippetObject([[key, value]]);
  const keyName = conditionKeyName(key);
  const condition = statement.condition;
  if (!condition) {
    return insertProperty(s.text, statement.node, 'Condition', { [operator]: entryValue }, s.style);
  }
  const conditionNode = condition.element.valueNode;
  if (conditionNode?.type !== 'object') {
    return undefined;
  }
  const clause = condition.clauses.find((c) => c.operator === operator);
  if (!clause) {
    return insertProperty(s.text, conditionNode, operator, entryValue, s.style);
  }
  if (clause.element.valueNode?.type !== 'object') {
    return undefined;
  }
  // a key the statement already tests under this operator is the user's choice: replacing its
  // value (or adding to it, an OR) would change what the statement means or widen it
  if (clause.entries.some((e) => e.key.toLowerCase() === keyName.toLowerCase())) {
    return undefined;
  }
  return insertProperty(s.text, clause.element.valueNode, key, value, s.style);
}

/** The key a condition key (plain, or quoted snippet text) stands for, with its placeholders' defaults. */
export function conditionKeyName(key: string | SnippetValue): string {
  if (typeof key === 'string') {
    return key;
  }
  const text = unsnippet(key.snippet);
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}

/** Inserts new statements after `statement` (a single Statement object becomes an array). */
export function insertStatementsAfter(
  s: EditText,
  policy: PolicyDocument,
  statement: Statement,
  statements: Record<string, EditValue>[],
): OffsetEdit | undefined {
  const element = policy.statementElement;
  const node = element?.valueNode;
  if (!element || !node) {
    return undefined;
  }
  if (node.type === 'array') {
    return insertAfterEntry(s.text, node, statement.node, statements, s.style);
  }
  // "Statement": {...} -> "Statement": [{...}, {...}]
  const indent = lineIndent(s.text, element.keyNode.offset);
  const inner = indent + s.style.unit;
  const original = s.text
    .slice(node.offset, node.offset + node.length)
    .split(/\r?\n/)
    .join(`${s.style.eol}${s.style.unit}`);
  const added = statements.map((st) => `,${s.style.eol}${inner}${formatValue(st, inner, s.style)}`).join('');
  return {
    offset: node.offset,
    length: node.length,
    text: `[${s.style.eol}${inner}${escapeForSnippet(original)}${added}${s.style.eol}${indent}]`,
    snippet: true,
  };
}

/** Existing text carried into a snippet edit must not be read as tab stops. */
function escapeForSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * A statement as an edit value, copying its other elements verbatim from the document. The copy
 * keeps its line layout; when the Statement object is about to become an array, every line moves
 * one level deeper.
 */
export function statementValue(
  s: EditText,
  policy: PolicyDocument,
  statement: Statement,
  overrides: Record<string, EditValue | undefined>,
  drop: string[] = [],
): Record<string, EditValue> {
  const shift = policy.statementElement?.valueNode?.type === 'object' ? s.style.unit : '';
  const out: Record<string, EditValue> = {};
  const kept: string[] = [];
  for (const element of statement.elements) {
    if (drop.includes(element.name) || !element.valueNode) {
      continue;
    }
    kept.push(element.name);
    if (element.name in overrides) {
      continue;
    }
    const raw = s.text.slice(element.valueNode.offset, element.valueNode.offset + element.valueNode.length);
    const moved = raw.split(/\r?\n/).join(`${s.style.eol}${shift}`);
    out[element.name] = new SnippetValue(escapeForSnippet(moved));
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined) {
      out[name] = value;
    }
  }
  // the statement's own key order; a new key goes where the grammar's usual order puts it
  const order = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const keys = kept.filter((k) => k in out);
  for (const name of Object.keys(out).filter((k) => !keys.includes(k))) {
    let at = 0;
    keys.forEach((k, i) => {
      if (rank(k) <= rank(name)) {
        at = i + 1;
      }
    });
    keys.splice(at, 0, name);
  }
  return Object.fromEntries(keys.map((k) => [k, out[k]]));
}
