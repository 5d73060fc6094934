/**
 * JSON written as a string inside a host file (a YAML block scalar, a quoted YAML or JSON string,
 * `Fn::Sub`, the literal parts of `Fn::Join`, a Terraform JSON string): the string's value is
 * decoded with the host offset of every character, parsed as JSON, and every node, error and
 * comment is moved back onto the host text, so findings land exactly where the user wrote them.
 */
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import { parseJson } from '../syntax/parseJson';

/** A decoded string: `offsets[i]` is the host offset of `text[i]`, `ends[i]` where its host text ends; `offsets[text.length]` the end. */
export interface MappedText {
  text: string;
  offsets: number[];
  ends: number[];
}

export class MappedTextBuilder {
  private text = '';
  private readonly offsets: number[] = [];
  private readonly ends: number[] = [];

  /** characters copied verbatim from the host at `hostOffset` */
  verbatim(host: string, hostOffset: number, length: number): this {
    for (let i = 0; i < length; i++) {
      this.offsets.push(hostOffset + i);
      this.ends.push(hostOffset + i + 1);
    }
    this.text += host.slice(hostOffset, hostOffset + length);
    return this;
  }

  /** characters that stand for host text elsewhere (an escape, a delimiter, a computed part) */
  synthetic(text: string, hostOffset: number, hostEnd = hostOffset): this {
    for (let i = 0; i < text.length; i++) {
      this.offsets.push(hostOffset);
      this.ends.push(hostEnd);
    }
    this.text += text;
    return this;
  }

  build(hostEnd: number): MappedText {
    return { text: this.text, offsets: [...this.offsets, hostEnd], ends: [...this.ends, hostEnd] };
  }

  get length(): number {
    return this.text.length;
  }
}

/** True when every character is copied from the host (no escapes): edits can be written as is. */
export function isVerbatim(m: MappedText): boolean {
  for (let i = 0; i < m.text.length; i++) {
    if (m.ends[i] !== m.offsets[i] + 1 && m.text[i] !== '\n') {
      return false;
    }
  }
  return true;
}

/** Host span of `[offset, offset + length)` of the decoded text. */
export function hostSpan(m: MappedText, offset: number, length: number): { offset: number; length: number } {
  const clamp = (i: number) => Math.max(0, Math.min(i, m.offsets.length - 1));
  const start = m.offsets[clamp(offset)];
  const end = length > 0 ? Math.max(start, m.ends[clamp(offset + length - 1)]) : start;
  return { offset: start, length: Math.max(0, end - start) };
}

/** Parses the decoded JSON; nodes, errors and comments carry host offsets. */
export function parseMappedJson(m: MappedText): JsonTree {
  const tree = parseJson(m.text);
  const visit = (node: JsonNode) => {
    const n = node as { offset: number; length: number; colonOffset?: number };
    const span = hostSpan(m, n.offset, n.length);
    if (n.colonOffset !== undefined) {
      n.colonOffset = hostSpan(m, n.colonOffset, 1).offset;
    }
    n.offset = span.offset;
    n.length = span.length;
    node.children?.forEach(visit);
  };
  if (tree.root) {
    visit(tree.root);
  }
  const move = <T extends { offset: number; length: number }>(x: T): T => ({ ...x, ...hostSpan(m, x.offset, x.length) });
  return { ...tree, errors: tree.errors.map(move), comments: tree.comments.map(move), trailingCommas: tree.trailingCommas.map(move) };
}

/** A JSON string literal of the host (with its quotes) decoded; undefined when it is not one. */
export function decodeJsonString(host: string, offset: number, length: number): MappedText | undefined {
  if (host[offset] !== '"' || host[offset + length - 1] !== '"' || length < 2) {
    return undefined;
  }
  const b = new MappedTextBuilder();
  const end = offset + length - 1;
  const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  let i = offset + 1;
  while (i < end) {
    const c = host[i];
    if (c !== '\\') {
      b.verbatim(host, i, 1);
      i++;
      continue;
    }
    const e = host[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(host.slice(i + 2, i + 6))) {
      b.synthetic(String.fromCharCode(parseInt(host.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else if (e !== undefined && escapes[e] !== undefined) {
      b.synthetic(escapes[e], i, i + 2);
      i += 2;
    } else {
      return undefined;
    }
  }
  return b.build(end);
}

/** Scalar styles of the yaml package. */
export type YamlScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * A YAML scalar's value with host offsets. `value` is what the YAML parser read; a decoding that
 * does not reproduce it (an unusual layout) gives undefined rather than wrong positions.
 */
export function decodeYamlScalar(
  host: string,
  offset: number,
  length: number,
  style: YamlScalarStyle | undefined,
  value: string,
): MappedText | undefined {
  let decoded: MappedText | undefined;
  const end = offset + length;
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    decoded = decodeBlock(host, offset, end, style === 'BLOCK_FOLDED');
  } else if (style === 'QUOTE_DOUBLE') {
    decoded = host.slice(offset, end).includes('\n') ? undefined : decodeJsonString(host, offset, length);
  } else if (style === 'QUOTE_SINGLE') {
    if (host[offset] === "'" && host[end - 1] === "'" && !host.slice(offset, end).includes('\n')) {
      const b = new MappedTextBuilder();
      for (let i = offset + 1; i < end - 1; i++) {
        if (host[i] === "'" && host[i + 1] === "'") {
          b.synthetic("'", i, i + 2);
          i++;
        } else {
          b.verbatim(host, i, 1);
        }
      }
      decoded = b.build(end - 1);
    }
  } else if (!host.slice(offset, end).includes('\n')) {
    decoded = new MappedTextBuilder().verbatim(host, offset, length).build(end);
  }
  if (!decoded) {
    return undefined;
  }
  const trim = (s: string) => s.replace(/\s+$/, '');
  return trim(decoded.text) === trim(value) ? decoded : undefined;
}

/** `|` or `>` block: the header line, then lines indented at least as the first content line. */
function decodeBlock(host: string, offset: number, end: number, folded: boolean): MappedText | undefined {
  const headerEnd = host.indexOf('\n', offset);
  if (headerEnd < 0 || headerEnd >= end) {
    return new MappedTextBuilder().build(end);
  }
  const b = new MappedTextBuilder();
  let indent = -1;
  let lineStart = headerEnd + 1;
  let pendingFold = -1;
  while (lineStart < end) {
    let lineEnd = host.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) {
      lineEnd = end;
    }
    const line = host.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '' && indent < 0) {
      indent = /^ */.exec(line)![0].length;
    }
    if (!folded) {
      if (line.trim() !== '') {
        b.verbatim(host, lineStart + indent, line.length - indent);
      }
      b.synthetic('\n', lineEnd);
    } else if (line.trim() === '') {
      b.synthetic('\n', lineStart);
      pendingFold = -1;
    } else {
      if (folded && pendingFold >= 0 && !/^\s/.test(line.slice(indent))) {
        b.synthetic(' ', pendingFold);
      } else if (pendingFold >= 0) {
        b.synthetic('\n', pendingFold);
      }
      b.verbatim(host, lineStart + indent, line.length - indent);
      pendingFold = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (pendingFold >= 0) {
    b.synthetic('\n', pendingFold);
  }
  return b.build(end);
}
