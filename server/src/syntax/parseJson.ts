/**
 * Layer 1: text -> JSON tree. A thin, never-throwing wrapper over jsonc-parser that also records
 * what strict JSON forbids (comments, trailing commas, a byte-order mark) so rules can report
 * them, while the tree stays usable for every feature.
 */
import { ParseErrorCode, visit, type Node } from 'jsonc-parser';
import { checkBudget } from './budget';

export type JsonNode = Node;

export interface TextSpan {
  offset: number;
  length: number;
}

export interface JsonSyntaxError extends TextSpan {
  code: ParseErrorCode;
  message: string;
}

export interface JsonTree {
  text: string;
  /** undefined only for empty (or whitespace/comment-only) text */
  root: JsonNode | undefined;
  errors: JsonSyntaxError[];
  comments: TextSpan[];
  trailingCommas: TextSpan[];
  hasBom: boolean;
  /**
   * Values nested deeper than MAX_DEPTH: each is kept in the tree as an empty array or object
   * with its full span, and its content is not checked (rules report it; nothing recurses past it).
   */
  tooDeep?: TextSpan[];
}

/**
 * Arrays and objects nested deeper than this are not parsed into the tree. No IAM policy, nor a
 * template that embeds one, comes near it; a crafted document cannot exhaust the stack of the
 * parser or of any tree walk (every walk in the server is then bounded by this depth).
 */
export const MAX_DEPTH = 128;

const messages: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes.',
  [ParseErrorCode.ValueExpected]: 'Expected a value.',
  [ParseErrorCode.ColonExpected]: "Expected ':' after the property name.",
  [ParseErrorCode.CommaExpected]: "Expected ',' between elements.",
  [ParseErrorCode.CloseBraceExpected]: "Expected '}' to close the object.",
  [ParseErrorCode.CloseBracketExpected]: "Expected ']' to close the array.",
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the policy: a policy is exactly one JSON object.',
  [ParseErrorCode.InvalidCommentToken]: 'Invalid comment.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: a closing double quote is missing.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unexpected end of number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape sequence.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in string (control characters must be escaped).',
};

export function syntaxErrorMessage(code: ParseErrorCode): string {
  return messages[code] ?? 'Invalid JSON.';
}

/**
 * Parses leniently (comments and trailing commas allowed) and never throws. One pass builds the
 * tree (the same shape as jsonc-parser's parseTree) and records comments and trailing commas.
 */
/** The tree is built in place, so its nodes are mutable until returned. */
type BuildNode = { -readonly [K in keyof Node]: Node[K] } & { parent?: BuildNode; children?: BuildNode[] };

export function parseJson(text: string): JsonTree {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  // a BOM is one UTF-16 unit; a space keeps every offset the same
  const unbommed = hasBom ? ` ${text.slice(1)}` : text;
  // values nested too deep are blanked (same offsets), so jsonc-parser's recursion stays shallow
  const { source, tooDeep } = limitDepth(unbommed, MAX_DEPTH);
  const errors: JsonSyntaxError[] = [];
  const comments: TextSpan[] = [];
  const trailingCommas: TextSpan[] = [];
  // an artificial root array holds the document's value
  let current: BuildNode = { type: 'array', offset: -1, length: -1, children: [] };
  let pendingComma: TextSpan | undefined;

  const completeProperty = (end: number) => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent!;
    }
  };
  const add = (node: BuildNode) => {
    current.children!.push(node);
    return node;
  };
  const closing = () => {
    if (pendingComma) {
      trailingCommas.push(pendingComma);
      pendingComma = undefined;
    }
  };

  visit(
    source,
    {
      onObjectBegin: (offset) => {
        checkBudget();
        pendingComma = undefined;
        current = add({ type: 'object', offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        pendingComma = undefined;
        current = add({ type: 'property', offset, length: -1, parent: current, children: [] });
        current.children!.push({ type: 'string', value: name, offset, length, parent: current });
      },
      onObjectEnd: (offset, length) => {
        closing();
        completeProperty(offset + length);
        current.length = offset + length - current.offset;
        current = current.parent!;
        completeProperty(offset + length);
      },
      onArrayBegin: (offset) => {
        checkBudget();
        pendingComma = undefined;
        current = add({ type: 'array', offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: (offset, length) => {
        closing();
        current.length = offset + length - current.offset;
        current = current.parent!;
        completeProperty(offset + length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        checkBudget();
        pendingComma = undefined;
        const type = value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
        add({ type, offset, length, parent: current, value });
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (separator === ',') {
          pendingComma = { offset, length: 1 };
          if (current.type === 'property') {
            completeProperty(offset);
          }
        } else if (current.type === 'property') {
          current.colonOffset = offset;
        }
      },
      onComment: (offset, length) => {
        comments.push({ offset, length });
      },
      onError: (code, offset, length) => {
        errors.push({ offset, length, code, message: syntaxErrorMessage(code) });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  const root = current.children?.[0];
  if (root) {
    delete root.parent;
  }
  const tree: JsonTree = { text, root: root as Node | undefined, errors, comments, trailingCommas, hasBom };
  if (tooDeep.length > 0) {
    tree.tooDeep = tooDeep;
  }
  return tree;
}

/**
 * Finds arrays and objects opened deeper than `max` (outside strings and comments) and replaces
 * each one's content with spaces, keeping its brackets, so it parses as an empty value with the
 * same span and every offset of the text stays where it was. One linear pass, no recursion; the
 * text is copied only when something is too deep.
 */
export function limitDepth(text: string, max: number): { source: string; tooDeep: TextSpan[] } {
  const tooDeep: TextSpan[] = [];
  let depth = 0;
  let blankFrom = -1;
  let blankDepth = 0;
  const pieces: string[] = [];
  let copiedTo = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // a string, to its closing quote or the end of the line (jsonc-parser ends it there too)
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          i++;
        } else if (d === 0x22 || d === 0x0a || d === 0x0d) {
          break;
        }
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) {
        i++;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > max && blankFrom < 0) {
        blankFrom = i;
        blankDepth = depth;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (blankFrom >= 0 && depth === blankDepth) {
        tooDeep.push({ offset: blankFrom, length: i + 1 - blankFrom });
        pieces.push(text.slice(copiedTo, blankFrom + 1), ' '.repeat(i - blankFrom - 1));
        copiedTo = i;
        blankFrom = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (blankFrom >= 0) {
    // never closed: blank to the end (the parse reports the missing bracket)
    tooDeep.push({ offset: blankFrom, length: n - blankFrom });
    pieces.push(text.slice(copiedTo, blankFrom + 1), ' '.repeat(n - blankFrom - 1));
    copiedTo = n;
  }
  if (tooDeep.length === 0) {
    return { source: text, tooDeep };
  }
  pieces.push(text.slice(copiedTo));
  return { source: pieces.join(''), tooDeep };
}
