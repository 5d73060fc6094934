/** "Did you mean": nearest names by edit distance (optimal string alignment), case-insensitive. */

export function editDistance(a: string, b: string, limit = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) {
    return 0;
  }
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1];
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
    let distance = editDistance(name, candidate, limit);
    if (distance > limit && options.extensions !== false) {
      // "aws:SourceIpAddress" for "aws:SourceIp": one name extends the other
      const lowerCandidate = candidate.toLowerCase();
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
