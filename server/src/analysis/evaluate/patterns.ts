/**
 * Matching of policy strings against request values: IAM wildcards (`*`, `?`) and policy
 * variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`,
 * `${?}`, `${$}`). A pattern is compiled once into parts; each match resolves its variables from
 * the request context.
 */

type Part = { lit: string } | { wild: '*' | '?' } | { variable: string; fallback?: string };

export interface CompiledPattern {
  text: string;
  parts: Part[];
  hasVariables: boolean;
  hasWildcards: boolean;
  /** resolutions of a variable-free pattern, by mode */
  resolved?: { wild?: Resolved | undefined; literal?: Resolved | undefined };
}

/** Looks up a context key (lower-cased) for a variable; undefined when absent or multivalued. */
export type VariableLookup = (keyLower: string) => string | undefined;

const VARIABLE = /\$\{([^}]*)\}/g;

/** Compiles a pattern. `variables: false` for Version 2008-10-17, where `${...}` is literal text. */
export function compilePattern(text: string, variables = true): CompiledPattern {
  const parts: Part[] = [];
  let hasVariables = false;
  let hasWildcards = false;
  const pushLiteralRun = (run: string, wildcards: boolean) => {
    let lit = '';
    for (const ch of run) {
      if (wildcards && (ch === '*' || ch === '?')) {
        if (lit) {
          parts.push({ lit });
          lit = '';
        }
        parts.push({ wild: ch });
        hasWildcards = true;
      } else {
        lit += ch;
      }
    }
    if (lit) {
      parts.push({ lit });
    }
  };
  if (!variables || !text.includes('${')) {
    pushLiteralRun(text, true);
    return { text, parts, hasVariables, hasWildcards };
  }
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    pushLiteralRun(text.slice(last, m.index), true);
    last = (m.index ?? 0) + m[0].length;
    const inner = m[1].trim();
    if (inner === '*' || inner === '?' || inner === '$') {
      parts.push({ lit: inner });
      continue;
    }
    // `${key, 'default'}`
    const comma = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
    hasVariables = true;
    if (comma) {
      parts.push({ variable: comma[1].trim().toLowerCase(), fallback: comma[2] });
    } else {
      parts.push({ variable: inner.toLowerCase() });
    }
  }
  pushLiteralRun(text.slice(last), true);
  return { text, parts, hasVariables, hasWildcards };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Resolved {
  /** regular expression source (anchored by the caller) */
  source: string;
  /** the pattern with variables replaced (for explanations) */
  text: string;
}

/** Resolves variables; undefined when a variable has no value and no default (the pattern matches nothing). */
export function resolvePattern(p: CompiledPattern, lookup: VariableLookup, wildcards: boolean, segment = false): Resolved | undefined {
  if (!p.hasVariables && !segment) {
    // the same every time: computed once per pattern and mode
    const cache = (p.resolved ??= {});
    const key = wildcards ? 'wild' : 'literal';
    return (cache[key] ??= resolveParts(p, lookup, wildcards, segment));
  }
  return resolveParts(p, lookup, wildcards, segment);
}

function resolveParts(p: CompiledPattern, lookup: VariableLookup, wildcards: boolean, segment: boolean): Resolved | undefined {
  let source = '';
  let text = '';
  for (const part of p.parts) {
    if ('lit' in part) {
      source += escapeRegExp(part.lit);
      text += part.lit;
    } else if ('wild' in part) {
      text += part.wild;
      if (wildcards) {
        source += part.wild === '*' ? (segment ? '[^:]*' : '[\\s\\S]*') : segment ? '[^:]' : '[\\s\\S]';
      } else {
        source += escapeRegExp(part.wild);
      }
    } else {
      const value = lookup(part.variable) ?? part.fallback;
      if (value === undefined) {
        return undefined;
      }
      source += escapeRegExp(value);
      text += value;
    }
  }
  return { source, text };
}

const regexCache = new Map<string, RegExp>();

export function cachedRegExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = regexCache.get(key);
  if (!r) {
    r = new RegExp(`^(?:${source})$`, flags);
    if (regexCache.size > 20000) {
      regexCache.clear();
    }
    regexCache.set(key, r);
  }
  return r;
}

/**
 * A set of patterns matched against one value: the variable-free ones are joined into a single
 * regular expression, built once.
 */
export class PatternSet {
  /** literal patterns (no wildcards, no variables), keyed by their matching form */
  private readonly literals = new Map<string, CompiledPattern>();
  private readonly wild: { pattern: CompiledPattern; regex: RegExp }[] = [];
  private readonly combined: RegExp | undefined;
  private readonly variable: CompiledPattern[];
  readonly matchesAll: boolean;
  private readonly fold: boolean;

  constructor(
    readonly patterns: CompiledPattern[],
    private readonly flags: string,
  ) {
    this.fold = flags.includes('i');
    const none = (): string => '';
    this.variable = patterns.filter((p) => p.hasVariables);
    for (const p of patterns) {
      if (p.hasVariables) {
        continue;
      }
      if (!p.hasWildcards) {
        // the text with `${*}`-style escapes resolved
        const text = p.parts.map((x) => ('lit' in x ? x.lit : '')).join('');
        const key = this.fold ? text.toLowerCase() : text;
        if (!this.literals.has(key)) {
          this.literals.set(key, p);
        }
      } else {
        this.wild.push({ pattern: p, regex: cachedRegExp(resolvePattern(p, none, true)?.source ?? '(?!)', flags) });
      }
    }
    this.matchesAll = this.wild.some(({ pattern }) => pattern.text === '*');
    // one expression for all wildcard patterns: a miss costs one test
    this.combined =
      this.wild.length > 1
        ? new RegExp(`^(?:${this.wild.map(({ pattern }) => resolvePattern(pattern, none, true)?.source ?? '(?!)').join('|')})$`, flags)
        : undefined;
  }

  /** The first pattern that matches, or undefined. */
  match(value: string, lookup: VariableLookup): CompiledPattern | undefined {
    if (this.matchesAll) {
      return this.wild.find(({ pattern }) => pattern.text === '*')?.pattern;
    }
    const literal = this.literals.get(this.fold ? value.toLowerCase() : value);
    if (literal) {
      return literal;
    }
    if (this.wild.length > 0 && (!this.combined || this.combined.test(value))) {
      const hit = this.wild.find(({ regex }) => regex.test(value));
      if (hit) {
        return hit.pattern;
      }
    }
    for (const p of this.variable) {
      const r = resolvePattern(p, lookup, true);
      if (r && cachedRegExp(r.source, this.flags).test(value)) {
        return p;
      }
    }
    return undefined;
  }
}
