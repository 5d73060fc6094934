/**
 * Layer 1: text -> JSON tree. A thin, never-throwing wrapper over jsonc-parser that also records
 * what strict JSON forbids (comments, trailing commas, a byte-order mark) so rules can report
 * them, while the tree stays usable for every feature.
 */
import { ParseErrorCode, visit, type Node } from 'jsonc-parser';

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
}

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
  const source = hasBom ? ` ${text.slice(1)}` : text;
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
  return { text, root: root as Node | undefined, errors, comments, trailingCommas, hasBom };
}
