/**
 * The edits that turn one text into another, as few and as small as a line diff finds: fix-all
 * runs its rounds on whole texts and hands the editor one edit set for the whole change, touching
 * only the lines that differ (so the cursor, folding and the undo step stay where they were).
 */
import type { OffsetEdit } from '../../edits/textEdits';

/** Above this many changed lines the middle that differs is replaced in one edit (the diff is quadratic in them). */
const MAX_DIFF_LINES = 2000;

/** Lines with their terminators, so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' shortest edit script over lines: the pairs [a index, b index] of equal lines, in order; undefined when too large. */
function commonLines(a: string[], b: string[]): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_DIFF_LINES);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v);
    v = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) {
        return backtrack(trace, offset, n, m);
      }
    }
  }
  return undefined;
}

/** Walks the trace back from (n, m): trace[d] is the furthest x per diagonal before step d. */
function backtrack(trace: Int32Array[], offset: number, n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? k + 1 : k - 1;
    const prevX = v[prevK + offset];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** One edit replacing before[start, end) by `text`, narrowed to the characters that differ. */
function narrowed(before: string, start: number, end: number, text: string): OffsetEdit | undefined {
  let head = 0;
  const oldLength = end - start;
  while (head < oldLength && head < text.length && before.charCodeAt(start + head) === text.charCodeAt(head)) {
    head++;
  }
  let tail = 0;
  while (
    tail < oldLength - head &&
    tail < text.length - head &&
    before.charCodeAt(end - 1 - tail) === text.charCodeAt(text.length - 1 - tail)
  ) {
    tail++;
  }
  if (head === oldLength && head === text.length) {
    return undefined;
  }
  return { offset: start + head, length: oldLength - head - tail, text: text.slice(head, text.length - tail) };
}

/** Non-overlapping edits, in document order, that turn `before` into `after` (none when they are equal). */
export function textDiff(before: string, after: string): OffsetEdit[] {
  if (before === after) {
    return [];
  }
  // the common start and end are never part of an edit
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) {
    head++;
  }
  head = head > 0 ? before.lastIndexOf('\n', head - 1) + 1 : 0;
  let tail = 0;
  while (tail < shorter - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) {
    tail++;
  }
  const a = linesOf(before.slice(head, before.length - tail));
  const b = linesOf(after.slice(head, after.length - tail));
  const pairs = commonLines(a, b);
  if (!pairs) {
    const one = narrowed(before, head, before.length - tail, after.slice(head, after.length - tail));
    return one ? [one] : [];
  }
  const edits: OffsetEdit[] = [];
  const aStarts = [head];
  for (const line of a) {
    aStarts.push(aStarts[aStarts.length - 1] + line.length);
  }
  let i = 0;
  let j = 0;
  for (const [x, y] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (x > i || y > j) {
      const edit = narrowed(before, aStarts[i], aStarts[x], b.slice(j, y).join(''));
      if (edit) {
        edits.push(edit);
      }
    }
    i = x + 1;
    j = y + 1;
  }
  return edits;
}
