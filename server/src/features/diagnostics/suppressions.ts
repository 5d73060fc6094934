/**
 * Suppression comments, in JSONC, YAML and HCL alike:
 *   // iam-policy-disable                      every rule, whole file
 *   // iam-policy-disable rule-a, rule-b       those rules, whole file
 *   // iam-policy-disable-next-line rule-a     the next line only (rules optional)
 *   // iam-policy-disable-line rule-a          this line only
 * (`#` instead of `//` in YAML and HCL.)
 */

export interface Suppressions {
  /** rule ids off for the whole file; '*' means every rule */
  file: Set<string>;
  /** 0-based line -> rule ids ('*' = all) */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /(?:\/\/|#|\/\*)[ \t]*iam-policy-disable(-next-line|-line)?(?![\w-])([^\n]*)/g;

function ruleList(rest: string): Set<string> {
  const ids = rest
    .replace(/\*\/.*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9-]+$/.test(s));
  return new Set(ids.length ? ids : ['*']);
}

export function parseSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('iam-policy-disable')) {
    return result;
  }
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = ruleList(m[2]);
    if (!m[1]) {
      ids.forEach((id) => result.file.add(id));
      continue;
    }
    const line = countLines(text, m.index) + (m[1] === '-next-line' ? 1 : 0);
    const existing = result.lines.get(line) ?? new Set<string>();
    ids.forEach((id) => existing.add(id));
    result.lines.set(line, existing);
  }
  return result;
}

function countLines(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      n++;
    }
  }
  return n;
}

export function isSuppressed(s: Suppressions, ruleId: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(ruleId)) {
    return true;
  }
  const ids = s.lines.get(line);
  return !!ids && (ids.has('*') || ids.has(ruleId));
}
