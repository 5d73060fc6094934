/** "Did you mean": nearest names by edit distance (optimal string alignment), case-insensitive. */

export function editDistance(a: string, b: string, limit = Infinity): number {
  return lowerDistance(a.toLowerCase(), b.toLowerCase(), limit);
}

/** Rows of the distance table, grown as needed and reused (the did-you-mean of a long policy compares thousands of names). */
let rowBeforeLast = new Int32Array(64);
let lastRow = new Int32Array(64);
let thisRow = new Int32Array(64);
/** Stands for "more than any limit" in cells outside the band; adding 1 cannot overflow. */
const FAR = 0x3fffffff;

/**
 * The distance of two lower-cased names: exact when it is at most `limit`, otherwise `limit + 1`
 * (or the exact distance when the limit is Infinity). Only the cells within `limit` of the
 * diagonal are computed (a path that leaves that band costs more than the limit), and the
 * comparison stops at the first row whose every cell exceeds the limit.
 */
function lowerDistance(a: string, b: string, limit: number): number {
  if (a === b) {
    return 0;
  }
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) {
    return limit + 1;
  }
  const band = Math.min(limit, Math.max(n, m));
  if (lastRow.length < m + 2) {
    const size = Math.max(m + 2, lastRow.length * 2);
    rowBeforeLast = new Int32Array(size);
    lastRow = new Int32Array(size);
    thisRow = new Int32Array(size);
  }
  let prevPrev = rowBeforeLast;
  let prev = lastRow;
  let current = thisRow;
  for (let j = 0; j <= m; j++) {
    prev[j] = j <= band ? j : FAR;
  }
  prev[m + 1] = FAR;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    const first = lo === 1 ? i : FAR;
    current[lo - 1] = first;
    let rowMin = first;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = prev[j - 1] + (ai === bj ? 0 : 1);
      const up = prev[j] + 1;
      if (up < value) {
        value = up;
      }
      const left = current[j - 1] + 1;
      if (left < value) {
        value = left;
      }
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = prevPrev[j - 2] + 1;
        if (swap < value) {
          value = swap;
        }
      }
      current[j] = value;
      if (value < rowMin) {
        rowMin = value;
      }
    }
    current[hi + 1] = FAR;
    if (rowMin > limit) {
      return limit + 1;
    }
    const spare = prevPrev;
    prevPrev = prev;
    prev = current;
    current = spare;
  }
  const distance = prev[m];
  return distance > limit ? limit + 1 : distance;
}

/**
 * Up to `max` candidates within a distance that grows with the name's length (a third of it,
 * at least 1, at most 4), nearest first.
 */
export function nearest(
  name: string,
  candidates: Iterable<string>,
  max = 3,
  options: { extensions?: boolean; limit?: number } = {},
): string[] {
  const limit = options.limit ?? Math.max(1, Math.min(4, Math.floor(name.length / 3)));
  const scored: { candidate: string; distance: number }[] = [];
  const lowerName = name.toLowerCase();
  for (const candidate of candidates) {
    const lowerCandidate = candidate.toLowerCase();
    let distance = lowerDistance(lowerName, lowerCandidate, limit);
    if (distance > limit && options.extensions !== false) {
      // "aws:SourceIpAddress" for "aws:SourceIp": one name extends the other
      const shorter = Math.min(lowerName.length, lowerCandidate.length);
      const longer = Math.max(lowerName.length, lowerCandidate.length);
      if ((lowerName.startsWith(lowerCandidate) || lowerCandidate.startsWith(lowerName)) && shorter >= 4 && shorter / longer >= 0.5) {
        distance = limit;
      }
    }
    if (distance <= limit) {
      scored.push({ candidate, distance });
    }
  }
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** The verb of an action name: `Describe` in `DescribeInstances`, `Get` in `GetObject`. */
export function actionVerb(name: string): string {
  return /^[A-Z]?[a-z]+/.exec(name)?.[0].toLowerCase() ?? name.toLowerCase();
}

/**
 * Did-you-mean for an action name: only a near spelling (at most 2 edits, 3 for long names, no
 * "one extends the other") whose verb agrees, so `CreateBudget` never suggests `CreateBudgetAction`
 * and `ListAgentInstances` never suggests `ListAgentSpaces`.
 */
export function nearestActions(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = name.length >= 16 ? 3 : name.length >= 6 ? 2 : 1;
  const verb = actionVerb(name);
  const rest = name.slice(verb.length).toLowerCase();
  return nearest(name, candidates, max, { extensions: false, limit }).filter((candidate) => {
    const candidateVerb = actionVerb(candidate);
    return (
      candidateVerb === verb || (candidate.slice(candidateVerb.length).toLowerCase() === rest && editDistance(verb, candidateVerb, 2) <= 2)
    );
  });
}
