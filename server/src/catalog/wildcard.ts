/** IAM wildcards: `*` matches any run of characters, `?` exactly one; matching is case-insensitive. */

const cache = new Map<string, RegExp>();

export function wildcardToRegExp(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    const source = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}$`, 'i');
    if (cache.size > 5000) {
      cache.clear();
    }
    cache.set(pattern, regex);
  }
  return regex;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
