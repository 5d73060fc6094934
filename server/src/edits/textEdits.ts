/**
 * Edits that keep the rest of the document byte for byte: they touch only the nodes they change,
 * follow the file's indentation (spaces or tabs, and how many), its line endings, and whether the
 * surrounding object or array is written on one line or several.
 */
import type { JsonNode } from '../syntax/parseJson';

/** An edit in offsets; `snippet` text may contain tab stops (`${1:x}`), plain text may not. */
export interface OffsetEdit {
  offset: number;
  length: number;
  text: string;
  snippet?: boolean;
}

export interface Style {
  /** one level of indentation: '\t' or some spaces */
  unit: string;
  eol: string;
}

/** The text being edited and its layout: what element-level edits need (an EditSession is one). */
export interface EditText {
  readonly text: string;
  readonly style: Style;
}

/** The file's indentation unit (the smallest indent it uses) and line ending. */
export function detectStyle(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let unit: string | undefined;
  let tabs = 0;
  let spaces = 0;
  for (const m of text.matchAll(/\n([ \t]+)\S/g)) {
    if (m[1].startsWith('\t')) {
      tabs++;
    } else {
      spaces++;
      const n = m[1].length;
      if (unit === undefined || n < unit.length) {
        unit = ' '.repeat(n);
      }
    }
  }
  if (tabs > spaces) {
    return { unit: '\t', eol };
  }
  return { unit: unit ?? '  ', eol };
}

/** Leading whitespace of the line on which `offset` stands. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

export function isMultiline(text: string, node: JsonNode): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

/** Escapes literal text for the snippet syntax. */
export function snippetEscape(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

/** A JSON string literal, escaped for snippet text. */
export function snippetString(value: string): string {
  return snippetEscape(JSON.stringify(value));
}

/** Snippet text with tab stops replaced by their defaults. */
export function unsnippet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1])) {
      out += text[++i];
    } else if (ch === '$' && text[i + 1] === '{') {
      // ${1:default} or ${1|a,b|}
      const close = matchingBrace(text, i + 1);
      const inner = text.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      out += choice ? choice[1] : placeholder ? unsnippet(placeholder[1]) : '';
      i = close;
    } else if (ch === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) {
        i++;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return text.length - 1;
}

/**
 * A value as JSON text, laid out from `indent`: objects and arrays over several lines (with the
 * file's unit) unless `inline`. Strings that are already snippet text are passed through when
 * wrapped in `SnippetValue`.
 */
export class SnippetValue {
  constructor(readonly snippet: string) {}
}

/** An object whose keys may be snippet text (a key with a place to type, like `aws:ResourceTag/${1:Project}`). */
export class SnippetObject {
  constructor(readonly entries: [string | SnippetValue, EditValue][]) {}
}

export type EditValue = string | number | boolean | null | SnippetValue | SnippetObject | EditValue[] | { [key: string]: EditValue };

/** A property name as snippet text: a plain key is quoted and escaped, a `SnippetValue` is already snippet text. */
function formatKey(key: string | SnippetValue): string {
  return key instanceof SnippetValue ? key.snippet : snippetString(key);
}

export function formatValue(value: EditValue, indent: string, style: Style, inline = false): string {
  if (value instanceof SnippetValue) {
    return value.snippet;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    if (inline) {
      return `[${value.map((v) => formatValue(v, indent, style, true)).join(', ')}]`;
    }
    const inner = indent + style.unit;
    return `[${style.eol}${value.map((v) => inner + formatValue(v, inner, style)).join(`,${style.eol}`)}${style.eol}${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries: [string | SnippetValue, EditValue][] = value instanceof SnippetObject ? value.entries : Object.entries(value);
    if (entries.length === 0) {
      return '{}';
    }
    if (inline) {
      return `{ ${entries.map(([k, v]) => `${formatKey(k)}: ${formatValue(v, indent, style, true)}`).join(', ')} }`;
    }
    const inner = indent + style.unit;
    return `{${style.eol}${entries.map(([k, v]) => `${inner}${formatKey(k)}: ${formatValue(v, inner, style)}`).join(`,${style.eol}`)}${style.eol}${indent}}`;
  }
  return typeof value === 'string' ? snippetString(value) : String(value);
}

/** Replace a node with a value, laid out like the surrounding text. */
export function replaceNode(text: string, node: JsonNode, value: EditValue, style: Style, inline?: boolean): OffsetEdit {
  const indent = lineIndent(text, node.offset);
  const oneLine = inline ?? !isMultiline(text, node.parent ?? node);
  return { offset: node.offset, length: node.length, text: formatValue(value, indent, style, oneLine), snippet: true };
}

/** Replace one entry of an array with several values (each laid out like its siblings). */
export function replaceArrayEntry(text: string, array: JsonNode, entry: JsonNode, values: EditValue[], style: Style): OffsetEdit {
  const multiline = isMultiline(text, array);
  const indent = lineIndent(text, entry.offset);
  const separator = multiline ? `,${style.eol}${indent}` : ', ';
  return {
    offset: entry.offset,
    length: entry.length,
    text: values.map((v) => formatValue(v, indent, style, !multiline || typeof v !== 'object')).join(separator),
    snippet: true,
  };
}

/** Remove an entry of an array (or a property of an object), with its comma. */
export function removeEntry(container: JsonNode, entry: JsonNode): OffsetEdit {
  const siblings = container.children ?? [];
  const index = siblings.indexOf(entry);
  if (siblings.length === 1) {
    // the only entry: leave an empty container (`[]`/`{}`)
    return { offset: container.offset + 1, length: container.length - 2, text: '' };
  }
  if (index < siblings.length - 1) {
    const next = siblings[index + 1];
    return { offset: entry.offset, length: next.offset - entry.offset, text: '' };
  }
  const previous = siblings[index - 1];
  const end = previous.offset + previous.length;
  return { offset: end, length: entry.offset + entry.length - end, text: '' };
}

/**
 * Remove several entries of one array or object in non-overlapping edits: each run of adjacent
 * entries goes with the commas between them, and a run at the end takes the comma before it.
 */
export function removeEntries(container: JsonNode, entries: JsonNode[]): OffsetEdit[] {
  const siblings = container.children ?? [];
  const removed = new Set(entries);
  if (siblings.every((c) => removed.has(c))) {
    return [{ offset: container.offset + 1, length: container.length - 2, text: '' }];
  }
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < siblings.length; i++) {
    if (!removed.has(siblings[i])) {
      continue;
    }
    let j = i;
    while (j + 1 < siblings.length && removed.has(siblings[j + 1])) {
      j++;
    }
    if (j + 1 < siblings.length) {
      edits.push({ offset: siblings[i].offset, length: siblings[j + 1].offset - siblings[i].offset, text: '' });
    } else {
      const end = siblings[i - 1].offset + siblings[i - 1].length;
      edits.push({ offset: end, length: siblings[j].offset + siblings[j].length - end, text: '' });
    }
    i = j;
  }
  return edits;
}

/** Insert a property into an object: last (after the current last one), or first. */
export function insertProperty(
  text: string,
  object: JsonNode,
  key: string | SnippetValue,
  value: EditValue,
  style: Style,
  position: 'first' | 'last' = 'last',
): OffsetEdit {
  const properties = object.children ?? [];
  const multiline = isMultiline(text, object) || properties.length === 0;
  if (properties.length === 0) {
    const indent = lineIndent(text, object.offset);
    const inner = indent + style.unit;
    return {
      offset: object.offset + 1,
      length: object.length - 2,
      text: `${style.eol}${inner}${formatKey(key)}: ${formatValue(value, inner, style)}${style.eol}${indent}`,
      snippet: true,
    };
  }
  if (position === 'first') {
    const first = properties[0];
    const indent = multiline ? lineIndent(text, first.offset) : '';
    const after = multiline ? `,${style.eol}${indent}` : ', ';
    return {
      offset: first.offset,
      length: 0,
      text: `${formatKey(key)}: ${formatValue(value, indent, style, !multiline)}${after}`,
      snippet: true,
    };
  }
  const last = properties[properties.length - 1];
  const end = last.offset + last.length;
  const indent = multiline ? lineIndent(text, last.offset) : '';
  const before = multiline ? `,${style.eol}${indent}` : ', ';
  return {
    offset: end,
    length: 0,
    text: `${before}${formatKey(key)}: ${formatValue(value, indent, style, !multiline)}`,
    snippet: true,
  };
}

/** Insert values after an array entry, in the array's layout (one line each after an entry written on one line). */
export function insertAfterEntry(text: string, array: JsonNode, entry: JsonNode, values: EditValue[], style: Style): OffsetEdit {
  const multiline = isMultiline(text, array);
  const indent = multiline ? lineIndent(text, entry.offset) : '';
  const separator = multiline ? `,${style.eol}${indent}` : ', ';
  const inline = !multiline || !isMultiline(text, entry);
  return {
    offset: entry.offset + entry.length,
    length: 0,
    text: values.map((v) => separator + formatValue(v, indent, style, inline)).join(''),
    snippet: true,
  };
}

/** Applies edits (non-overlapping) to text. */
export function applyOffsetEdits(text: string, edits: OffsetEdit[], snippets = false): string {
  const replacement = (e: OffsetEdit) => (e.snippet && !snippets ? unsnippet(e.text) : e.text);
  // linear in the text when no two edits overlap (thousands of removals in one fix-all)
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || b.i - a.i);
  const pieces: string[] = [];
  let cursor = 0;
  let disjoint = true;
  for (const { e } of order) {
    if (e.offset < cursor) {
      disjoint = false;
      break;
    }
    pieces.push(text.slice(cursor, e.offset), replacement(e));
    cursor = e.offset + e.length;
  }
  if (disjoint) {
    pieces.push(text.slice(cursor));
    return pieces.join('');
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    const replacement = e.snippet && !snippets ? unsnippet(e.text) : e.text;
    out = out.slice(0, e.offset) + replacement + out.slice(e.offset + e.length);
  }
  return out;
}
