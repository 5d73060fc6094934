// A readable line diff for the e2e's exact-text checks: the lines only in the expected text (-) and
// only in the actual text (+), with two lines of context around each change and line numbers, so a
// mismatch in a 70-line document shows where it is. Whitespace is made visible (· for a space,
// → for a tab) on changed lines, because indentation is what VS Code most often gets wrong.
'use strict';

/** Longest common subsequence table of two line arrays (documents here are < 200 lines). */
function lcs(a, b) {
  const t = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    }
  }
  return t;
}

const visible = (line) => line.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r/g, '␍');

/** '' when equal; otherwise a diff of `expected` (-) against `actual` (+). */
function lineDiff(expected, actual, context = 2) {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  const t = lcs(a, b);
  /** @type {{ op: ' ' | '-' | '+', text: string, ia: number, ib: number }[]} */
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: ' ', text: a[i++], ia: i, ib: ++j });
    else if (i < a.length && (j >= b.length || t[i + 1][j] >= t[i][j + 1])) ops.push({ op: '-', text: a[i++], ia: i, ib: j });
    else ops.push({ op: '+', text: b[j++], ia: i, ib: j });
  }
  const keep = ops.map((o, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '));
  const lines = [`--- expected (${a.length} lines)`, `+++ actual (${b.length} lines)`];
  let gap = false;
  ops.forEach((o, k) => {
    if (!keep[k]) {
      if (!gap) lines.push('  …');
      gap = true;
      return;
    }
    gap = false;
    const where = o.op === '+' ? `${o.ib}`.padStart(4) : `${o.ia}`.padStart(4);
    lines.push(`${o.op}${where} | ${o.op === ' ' ? o.text : visible(o.text)}`);
  });
  if (expected.endsWith('\n') !== actual.endsWith('\n')) lines.push('(the texts differ in the final newline)');
  return lines.join('\n');
}

module.exports = { lineDiff };
