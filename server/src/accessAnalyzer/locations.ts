/**
 * Where an Access Analyzer finding goes in the document. ValidatePolicy gives each location a
 * path (Statement → 0 → Resource) and a span in the text it was sent. Its positions count lines
 * from 1 and columns and offsets from 0, end exclusive; reading the line as 0-based puts every
 * finding a line off, which is the bug this module exists to avoid.
 */
import type { EmbeddedPolicy } from '../policy/policyFile';
import type { JsonNode } from '../syntax/parseJson';
import type { AaLocation, AaPathElement, AaPosition } from './model';

export interface OffsetSpan {
  offset: number;
  length: number;
}

/** Start offsets of the lines of a text (a line ends at \n; \r\n counts as one ending). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * An API position (line 1-based, column 0-based, in UTF-16 code units like the offset) as an
 * offset into `text`. The line and column win when they are in range; otherwise the offset.
 */
export function apiPositionToOffset(text: string, position: AaPosition | undefined, starts: number[] = lineStarts(text)): number {
  // an answer may lack any field, or carry nonsense: every result is a whole offset in the text
  const line = Number(position?.line);
  const column = Number(position?.column);
  const offset = Number(position?.offset);
  const lineIndex = line - 1;
  if (Number.isInteger(lineIndex) && lineIndex >= 0 && lineIndex < starts.length && Number.isFinite(column) && column >= 0) {
    const lineEnd = lineIndex + 1 < starts.length ? starts[lineIndex + 1] : text.length;
    return Math.min(starts[lineIndex] + Math.floor(column), lineEnd);
  }
  if (Number.isFinite(offset)) {
    return Math.max(0, Math.min(Math.floor(offset), text.length));
  }
  // no usable offset: a line past the end means the end of the text, anything else its start
  return Number.isFinite(lineIndex) && lineIndex >= starts.length ? text.length : 0;
}

/** A location's span as offsets into the text that was sent. */
export function apiSpanToOffsets(sentText: string, span: AaLocation['span'] | undefined): OffsetSpan {
  const starts = lineStarts(sentText);
  const start = apiPositionToOffset(sentText, span?.start, starts);
  const end = Math.max(start, apiPositionToOffset(sentText, span?.end, starts));
  return { offset: start, length: end - start };
}

function propertyOf(node: JsonNode, key: string): JsonNode | undefined {
  return node.children?.find((p) => p.children?.[0]?.value === key);
}

/** Follows an API path from the policy root to a node of our tree (and a substring inside a string). */
export function resolveApiPath(root: JsonNode | undefined, path: AaPathElement[]): OffsetSpan | undefined {
  let node = root;
  for (let i = 0; i < path.length && node; i++) {
    const element = path[i];
    const last = i === path.length - 1;
    if ('index' in element) {
      node = node.type === 'array' ? node.children?.[element.index] : undefined;
    } else if ('value' in element || 'key' in element) {
      const key = 'value' in element ? element.value : element.key;
      const property = node.type === 'object' ? propertyOf(node, key) : undefined;
      // a trailing `key` points at the key itself; anything else goes on to the value
      node = 'key' in element && last ? property?.children?.[0] : property?.children?.[1];
    } else if ('substring' in element) {
      if (node.type !== 'string') {
        return undefined;
      }
      return { offset: node.offset + 1 + element.substring.start, length: element.substring.length };
    }
  }
  return node ? { offset: node.offset, length: node.length } : undefined;
}

/**
 * The document span of a finding location: its span when we sent the document's own text
 * (`textOffset` is where that text starts), else its path in our tree, else the policy's start.
 */
export function locationToDocumentSpan(
  location: AaLocation | undefined,
  embedded: EmbeddedPolicy,
  sentText: string,
  textOffset: number | undefined,
): OffsetSpan {
  const root = embedded.policy.root;
  if (location && textOffset !== undefined) {
    const span = apiSpanToOffsets(sentText, location.span);
    return { offset: textOffset + span.offset, length: span.length };
  }
  const byPath = location && Array.isArray(location.path) ? resolveApiPath(root, location.path) : undefined;
  if (byPath && Number.isFinite(byPath.offset) && Number.isFinite(byPath.length)) {
    return byPath;
  }
  return { offset: embedded.offset, length: Math.min(1, embedded.length) };
}

/** A span clamped to a text of `length` characters (whole, non-negative numbers inside it). */
export function clampSpan(span: OffsetSpan, length: number): OffsetSpan {
  const offset = Number.isFinite(span.offset) ? Math.max(0, Math.min(Math.floor(span.offset), length)) : 0;
  const end = Number.isFinite(span.length) ? Math.max(offset, Math.min(offset + Math.floor(span.length), length)) : offset;
  return { offset, length: end - offset };
}
