/**
 * Server-side filtering of long completion lists (the actions of a service, the service prefixes)
 * with the kind of matching VS Code's suggest widget does: a prefix, a match at a word start inside
 * the name (`Status` in `DescribeInstanceStatus`) and camel-case abbreviations (`GetOb` and `GOb`
 * for `GetObject`). Matching is monotone: whatever matches a longer pattern matches every shorter
 * prefix of it, so a list filtered for "Sta" still holds everything the client keeps for "Star".
 */

/** Quality of a match, lower is better; undefined when the pattern does not match. */
export type MatchRank = number;

const PREFIX = 0;
const WORD = 1;

/** True when `name[i]` begins a word: the start, after a separator, an upper-case hump, a digit run. */
export function isWordStart(name: string, i: number): boolean {
  if (i === 0) {
    return true;
  }
  const c = name.charCodeAt(i);
  const p = name.charCodeAt(i - 1);
  const upper = (x: number) => x >= 65 && x <= 90;
  const lower = (x: number) => x >= 97 && x <= 122;
  const digit = (x: number) => x >= 48 && x <= 57;
  const alnum = (x: number) => upper(x) || lower(x) || digit(x);
  if (!alnum(p)) {
    return true;
  }
  if (upper(c)) {
    // `Object` in `GetObject`; `Acl` in `PutBucketACL`-style runs only where a lower-case letter follows
    return !upper(p) || (i + 1 < name.length && lower(name.charCodeAt(i + 1)));
  }
  return digit(c) && !digit(p);
}

/** Word-start positions of a name (computed per name, names are short). */
function wordStarts(name: string): boolean[] {
  const starts: boolean[] = new Array<boolean>(name.length);
  for (let i = 0; i < name.length; i++) {
    starts[i] = isWordStart(name, i);
  }
  return starts;
}

/**
 * Matches `pattern` (what the user typed after the last separator the list is keyed on) against a
 * candidate name, case-insensitively. The pattern is split into runs; each run is matched
 * contiguously and starts at a word start of the name, after the previous run. Returns the number of
 * runs used (0 for a plain prefix match) or undefined.
 */
export function matchName(pattern: string, name: string): MatchRank | undefined {
  if (pattern.length === 0) {
    return PREFIX;
  }
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  if (n.startsWith(p)) {
    return PREFIX;
  }
  const starts = wordStarts(name);
  // best (fewest runs) match of p[pi..] in n[ni..] where p[pi] must start at a word start >= ni,
  // or continue contiguously at ni when `contiguous`
  const memo = new Map<number, number | undefined>();
  const solve = (pi: number, ni: number): number | undefined => {
    if (pi === p.length) {
      return 0;
    }
    const key = pi * 1024 + ni;
    if (memo.has(key)) {
      return memo.get(key);
    }
    let best: number | undefined;
    for (let s = ni; s < n.length; s++) {
      if (!starts[s] || n[s] !== p[pi]) {
        continue;
      }
      // take a run of length 1..k from here, then jump to a later word start
      for (let k = 1; pi + k <= p.length && s + k <= n.length && n[s + k - 1] === p[pi + k - 1]; k++) {
        const rest = solve(pi + k, s + k);
        if (rest !== undefined && (best === undefined || rest + 1 < best)) {
          best = rest + 1;
        }
      }
      if (best === 1) {
        break;
      }
    }
    memo.set(key, best);
    return best;
  };
  const runs = solve(0, 0);
  return runs === undefined ? undefined : WORD + runs - 1;
}
