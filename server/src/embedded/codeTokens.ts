/**
 * A small tokenizer for the two code hosts of CDK apps: TypeScript/JavaScript and Python. It
 * knows exactly what finding policies needs (identifiers, punctuation, string literals with their
 * decoded values and host offsets, comments skipped) and nothing more; anything else is an
 * `other` token. Never throws: an unterminated literal ends at the end of its line (or text).
 */

export type CodeLanguage = 'js' | 'python';

export interface CodeToken {
  kind: 'ident' | 'string' | 'number' | 'punct' | 'other';
  /** the token's source text (for strings: with quotes and prefix) */
  text: string;
  offset: number;
  end: number;
  /** strings: the decoded value (interpolations kept as written) */
  value?: string;
  /** strings: a template literal with `${}` or a Python f-string with `{}`: computed at run time */
  dynamic?: boolean;
  /** strings: the quote character(s) that open and close it (`'`, `"`, `` ` ``, `'''`, `"""`) */
  quote?: string;
  /** strings: the literal has its closing quote */
  closed?: boolean;
  /** strings: Python raw string (no escapes) */
  raw?: boolean;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0xc0;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** After these a `/` starts a regular expression in JavaScript, not a division. */
const REGEX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\x07' };

/** Decodes the body of a string literal (between its quotes). */
function decode(body: string, language: CodeLanguage, raw: boolean): string {
  if (raw || !body.includes('\\')) {
    return body;
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === '\n') {
      continue; // line continuation
    }
    if (next === '\r') {
      if (body[i + 1] === '\n') {
        i++;
      }
      continue;
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'u' && body[i + 1] === '{' && language === 'js') {
      const close = body.indexOf('}', i);
      const code = close > 0 ? parseInt(body.slice(i + 2, close), 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i = close;
      } else {
        out += next;
      }
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === 'a' && language === 'js') {
      out += 'a';
    } else if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
    } else if (language === 'python' && !/['"\\]/.test(next)) {
      out += `\\${next}`; // Python keeps unknown escapes as written
    } else {
      out += next;
    }
  }
  return out;
}

/** Where a quoted literal ends: the index after its closing quote, or the end of the line when unterminated. */
function scanQuoted(text: string, start: number, quote: string, multiline: boolean, raw: boolean): { end: number; closed: boolean } {
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && !raw) {
      i += 2;
      continue;
    }
    if (ch === '\\' && raw) {
      // a raw string still cannot end on an escaped quote
      i += text[i + 1] === quote[0] || text[i + 1] === '\\' ? 2 : 1;
      continue;
    }
    if (text.startsWith(quote, i)) {
      return { end: i + quote.length, closed: true };
    }
    if ((ch === '\n' || ch === '\r') && !multiline) {
      return { end: i, closed: false };
    }
    i++;
  }
  return { end: text.length, closed: false };
}

/** A JavaScript template literal: its end, and whether it interpolates (`${` at depth 0, nested braces followed). */
function scanTemplate(text: string, start: number): { end: number; closed: boolean; dynamic: boolean } {
  let i = start;
  let dynamic = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      return { end: i + 1, closed: true, dynamic };
    }
    if (ch === '$' && text[i + 1] === '{') {
      dynamic = true;
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        const c = text[i];
        if (c === '{') {
          depth++;
        } else if (c === '}') {
          depth--;
        } else if (c === '`') {
          i = scanTemplate(text, i + 1).end - 1;
        } else if (c === "'" || c === '"') {
          i = scanQuoted(text, i + 1, c, false, false).end - 1;
        }
        i++;
      }
      continue;
    }
    i++;
  }
  return { end: text.length, closed: false, dynamic };
}

function scanRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      return i;
    }
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      inClass = true;
    } else if (ch === ']') {
      inClass = false;
    } else if (ch === '/' && !inClass) {
      i++;
      while (i < text.length && /[a-z]/i.test(text[i])) {
        i++;
      }
      return i;
    }
    i++;
  }
  return i;
}

export function tokenize(text: string, language: CodeLanguage): CodeToken[] {
  const tokens: CodeToken[] = [];
  let i = 0;
  const push = (token: CodeToken) => tokens.push(token);
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\ufeff') {
      i++;
      continue;
    }
    // comments
    if (language === 'python' && ch === '#') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      continue;
    }
    if (language === 'js' && ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      continue;
    }
    if (language === 'js' && ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    // string literals
    if (language === 'python' && (ch === "'" || ch === '"' || /[rRbBuUfF]/.test(ch))) {
      const prefix = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
      if (prefix && (prefix[1] === '' || /^(r|b|u|f|rb|br|fr|rf)$/i.test(prefix[1]))) {
        const flags = prefix[1].toLowerCase();
        const quote = prefix[2];
        const raw = flags.includes('r');
        const bodyStart = i + prefix[0].length;
        const { end, closed } = scanQuoted(text, bodyStart, quote, quote.length === 3, raw);
        const body = text.slice(bodyStart, closed ? end - quote.length : end);
        push({
          kind: 'string',
          text: text.slice(i, end),
          offset: i,
          end,
          value: decode(body, language, raw),
          quote,
          closed,
          ...(raw ? { raw } : {}),
          ...(flags.includes('f') && /\{(?!\{)/.test(body.replace(/\{\{|\}\}/g, '')) ? { dynamic: true } : {}),
          ...(flags.includes('b') ? { dynamic: true } : {}),
        });
        i = end;
        continue;
      }
    } else if (ch === "'" || ch === '"') {
      const { end, closed } = scanQuoted(text, i + 1, ch, false, false);
      push({
        kind: 'string',
        text: text.slice(i, end),
        offset: i,
        end,
        value: decode(text.slice(i + 1, closed ? end - 1 : end), language, false),
        quote: ch,
        closed,
      });
      i = end;
      continue;
    } else if (ch === '`') {
      const { end, closed, dynamic } = scanTemplate(text, i + 1);
      push({
        kind: 'string',
        text: text.slice(i, end),
        offset: i,
        end,
        value: decode(text.slice(i + 1, closed ? end - 1 : end), language, false),
        quote: '`',
        closed,
        ...(dynamic ? { dynamic } : {}),
      });
      i = end;
      continue;
    }
    const code = text.charCodeAt(i);
    if (isIdentStart(code)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text.charCodeAt(j))) {
        j++;
      }
      push({ kind: 'ident', text: text.slice(i, j), offset: i, end: j });
      i = j;
      continue;
    }
    if (isDigit(code) || (ch === '.' && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < text.length && (isIdentPart(text.charCodeAt(j)) || text[j] === '.')) {
        j++;
      }
      push({ kind: 'number', text: text.slice(i, j), offset: i, end: j });
      i = j;
      continue;
    }
    if (language === 'js' && ch === '/') {
      const previous = tokens[tokens.length - 1];
      const regexAllowed =
        !previous ||
        (previous.kind === 'punct' && REGEX_AFTER_PUNCT.has(previous.text)) ||
        (previous.kind === 'other' && previous.text !== ')' && previous.text !== ']') ||
        (previous.kind === 'ident' && REGEX_AFTER_WORD.has(previous.text));
      if (regexAllowed) {
        const end = scanRegex(text, i);
        push({ kind: 'other', text: text.slice(i, end), offset: i, end });
        i = end;
        continue;
      }
    }
    if (ch === '.' && text[i + 1] === '.' && text[i + 2] === '.') {
      push({ kind: 'punct', text: '...', offset: i, end: i + 3 });
      i += 3;
      continue;
    }
    if (ch === '*' && text[i + 1] === '*' && language === 'python') {
      push({ kind: 'punct', text: '**', offset: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (ch === '=' && (text[i + 1] === '=' || text[i + 1] === '>')) {
      // `==`, `===`, `=>`: not an assignment
      const end = text[i + 2] === '=' ? i + 3 : i + 2;
      push({ kind: 'other', text: text.slice(i, end), offset: i, end });
      i = end;
      continue;
    }
    if ('(){}[],:.=;'.includes(ch)) {
      push({ kind: 'punct', text: ch, offset: i, end: i + 1 });
      i++;
      continue;
    }
    push({ kind: ch === ')' || ch === ']' ? 'punct' : 'other', text: ch, offset: i, end: i + 1 });
    i++;
  }
  return tokens;
}
