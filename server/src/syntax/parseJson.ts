/**
 * Layer 1: text -> JSON tree. A thin, never-throwing wrapper over jsonc-parser that also records
 * what strict JSON forbids (comments, trailing commas, a byte-order mark) so rules can report
 * them, while the tree stays usable for every feature.
 */
import { createScanner, parseTree, ParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';

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

/** Parses leniently (comments and trailing commas allowed) and never throws. */
export function parseJson(text: string): JsonTree {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  // a BOM is one UTF-16 unit; a space keeps every offset the same
  const source = hasBom ? ` ${text.slice(1)}` : text;
  const rawErrors: ParseError[] = [];
  const root = parseTree(source, rawErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const errors = rawErrors.map((e) => ({ offset: e.offset, length: e.length, code: e.error, message: syntaxErrorMessage(e.error) }));
  const { comments, trailingCommas } = scanTrivia(source);
  return { text, root, errors, comments, trailingCommas, hasBom };
}

function scanTrivia(text: string): { comments: TextSpan[]; trailingCommas: TextSpan[] } {
  const comments: TextSpan[] = [];
  const trailingCommas: TextSpan[] = [];
  // cheap pre-check: most policies have neither comments nor a comma before a closing bracket
  if (!/\/[/*]|,\s*[\]}]|,\s*\//.test(text)) {
    return { comments, trailingCommas };
  }
  const scanner = createScanner(text, false);
  let pendingComma: TextSpan | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        comments.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.CommaToken:
        pendingComma = { offset: scanner.getTokenOffset(), length: 1 };
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma) {
          trailingCommas.push(pendingComma);
        }
        pendingComma = undefined;
        break;
      default:
        pendingComma = undefined;
    }
  }
  return { comments, trailingCommas };
}
