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

/** A candidate name prepared once: lower-cased, with its word-start positions (names are reused per keystroke). */
interface Prepared {
  lower: string;
  starts: number[];
}

const prepared = new Map<string, Prepared>();

function prepare(name: string): Prepared {
  let entry = prepared.get(name);
  if (!entry) {
    const starts: number[] = [];
    for (let i = 0; i < name.length; i++) {
      if (isWordStart(name, i)) {
        starts.push(i);
      }
    }
    entry = { lower: name.toLowerCase(), starts };
    if (prepared.size > 100000) {
      prepared.clear();
    }
    prepared.set(name, entry);
  }
  return entry;
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
  const { lower: n, starts } = prepare(name);
  if (n.startsWith(p)) {
    return PREFIX;
  }
  // fewest runs covering p[pi..], the next run starting at a word start at or after ni
  const solve = (pi: number, ni: number): number | undefined => {
    if (pi === p.length) {
      return 0;
    }
    let best: number | undefined;
    for (const s of starts) {
      if (s < ni || n.charCodeAt(s) !== p.charCodeAt(pi)) {
        continue;
      }
      // runs of every length from here; longer runs first, since they leave less to match
      let k = 1;
      while (pi + k < p.length && s + k < n.length && n.charCodeAt(s + k) === p.charCodeAt(pi + k)) {
        k++;
      }
      for (; k >= 1; k--) {
        const rest = solve(pi + k, s + k);
        if (rest !== undefined && (best === undefined || rest + 1 < best)) {
          best = rest + 1;
        }
        if (best === 1) {
          return best;
        }
      }
    }
    return best;
  };
  const runs = solve(0, 0);
  return runs === undefined ? undefined : WORD + runs - 1;
}
