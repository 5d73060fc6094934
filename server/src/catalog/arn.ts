/** ARN parsing, and matching of policy resources (with wildcards and policy variables) against ARN templates. */

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** everything after the fifth colon */
  resource: string;
}

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;

export const REGION_PATTERN =
  /^(af|ap|ca|eu|il|me|mx|sa|us|cn)(-gov|-iso|-isob|-isoe|-isof)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/;

/** Splits an ARN into its six fields; undefined when it does not have them. */
export function parseArn(text: string): ParsedArn | undefined {
  if (!text.startsWith('arn:')) {
    return undefined;
  }
  // policy variables may contain ':' (`${aws:username}`): split outside of them
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '$') {
      current += ch;
      continue;
    }
    if (ch === '{' && current.endsWith('$')) {
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
    }
    if (ch === ':' && depth === 0 && parts.length < 5) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  if (parts.length < 6) {
    return undefined;
  }
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5] };
}

/**
 * Both sides of a match are patterns: a policy resource (`*`, `?`, `${aws:username}`) and an ARN
 * template (`${BucketName}`). Each compiles to tokens; a match exists when some string satisfies
 * both token sequences, found by a search over pairs of positions (like matching two globs).
 */
type Token =
  | { kind: 'lit'; ch: string }
  /** one character not in `exclude` */
  | { kind: 'one'; exclude: string }
  /** any run (possibly empty) of characters not in `exclude` */
  | { kind: 'run'; exclude: string };

function policyTokens(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i);
      if (end > 0) {
        // a policy variable is some non-empty text
        out.push({ kind: 'one', exclude: '' }, { kind: 'run', exclude: '' });
        i = end;
        continue;
      }
    }
    out.push(ch === '*' ? { kind: 'run', exclude: '' } : ch === '?' ? { kind: 'one', exclude: '' } : { kind: 'lit', ch: ch.toLowerCase() });
  }
  return out;
}

/** A template variable in the middle stops at the separator that follows it; the last one at `lastExclude`. */
function templateTokens(template: string, lastExclude: string): Token[] {
  const parts = template.split(/(\$\{[^}]+\})/);
  const out: Token[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      for (const ch of parts[i]) {
        out.push({ kind: 'lit', ch: ch.toLowerCase() });
      }
      continue;
    }
    const next = parts[i + 1] ?? '';
    const exclude = next !== '' ? next[0] : lastExclude;
    out.push({ kind: 'one', exclude }, { kind: 'run', exclude });
  }
  return out;
}

function charFits(a: Token, b: Token): boolean {
  if (a.kind === 'lit') {
    return b.kind === 'lit' ? a.ch === b.ch : !b.exclude.includes(a.ch);
  }
  if (b.kind === 'lit') {
    return !a.exclude.includes(b.ch);
  }
  return true; // two classes with small exclusion sets always share a character
}

function intersects(p: Token[], t: Token[]): boolean {
  const width = t.length + 1;
  const seen = new Uint8Array((p.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number) => {
    const k = i * width + j;
    if (!seen[k]) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length) {
    const k = stack.pop()!;
    const i = Math.floor(k / width);
    const j = k % width;
    if (i === p.length && j === t.length) {
      return true;
    }
    const a = p[i];
    const b = t[j];
    if (a?.kind === 'run') {
      push(i + 1, j);
    }
    if (b?.kind === 'run') {
      push(i, j + 1);
    }
    if (a && b && charFits(a, b)) {
      push(a.kind === 'run' ? i : i + 1, b.kind === 'run' ? j : j + 1);
    }
  }
  return false;
}

/** A side of a match, compiled once: the service and resource fields as tokens. */
interface CompiledArn {
  partition: string;
  service: Token[];
  resource: Token[];
}

/** Templates are few (a few thousand): compiled once per process, per last-variable exclusion. */
const templateCache = new Map<string, CompiledArn | null>();

function compiledTemplate(template: string, lastVariableExcludes: string): CompiledArn | undefined {
  const key = `${template}\u0000${lastVariableExcludes}`;
  let entry = templateCache.get(key);
  if (entry === undefined) {
    const t = parseArn(template);
    entry = t
      ? { partition: t.partition, service: templateTokens(t.service, ''), resource: templateTokens(t.resource, lastVariableExcludes) }
      : null;
    templateCache.set(key, entry);
  }
  return entry ?? undefined;
}

/** Policy resources: compiled once per distinct string while it is in use (bounded). */
const resourceCache = new Map<string, CompiledArn | null>();

function compiledResource(resource: string): CompiledArn | undefined {
  let entry = resourceCache.get(resource);
  if (entry === undefined) {
    const p = parseArn(resource);
    entry = p ? { partition: p.partition, service: policyTokens(p.service), resource: policyTokens(p.resource) } : null;
    if (resourceCache.size > 5000) {
      resourceCache.clear();
    }
    resourceCache.set(resource, entry);
  }
  return entry ?? undefined;
}

/**
 * Whether a policy resource (wildcards and policy variables allowed) can name a resource of the
 * template's type: the services agree and some resource string fits both. Partition, Region and
 * account are checked by the invalid-arn rule, not here.
 *
 * `lastVariableExcludes`: separators the template's last variable cannot contain, because a more
 * specific type continues after them (a bucket name has no '/', since `bucket/key` is an object).
 */
export function resourceMatchesTemplate(resource: string, template: string, lastVariableExcludes = ''): boolean {
  if (resource === '*') {
    return true;
  }
  const p = compiledResource(resource);
  const t = p && compiledTemplate(template, lastVariableExcludes);
  return !!p && !!t && intersects(p.service, t.service) && intersects(p.resource, t.resource);
}

/**
 * Whether a policy resource pattern matches a concrete string, case-insensitively: `*` any run,
 * `?` one character. A `${var}` stands for the caller's own value only, which no sample equals
 * (`user/${aws:username}` is one user, not all). Iterative glob matching, no RegExp.
 */
function patternMatches(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const ch = p[pi];
    if (ch === '$' && p[pi + 1] === '{' && p.indexOf('}', pi) > 0) {
      // a variable matches none of the samples: only a later `*` can absorb this text
      if (starP < 0) {
        return false;
      }
      pi = starP + 1;
      ti = ++starT;
      continue;
    }
    if (pi < p.length && (ch === '?' || ch === t[ti])) {
      pi++;
      ti++;
    } else if (ch === '*') {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') {
    pi++;
  }
  return pi === p.length;
}

/**
 * True when the pattern accepts every ARN of the template: it matches two quite different
 * instances of it (regions, accounts, names with separators). The partition is taken from the
 * pattern, since one partition is "everything" for nearly every account.
 */
export function resourceCoversTemplate(resource: string, template: string): boolean {
  return computeCovers(resource, template);
}

/**
 * A template filled with sample values, and where its first variable starts. Cached per partition
 * and template; the partition comes from the policy's text, so the cache is bounded.
 */
const sampleCache = new Map<string, { first: string; second: string; nameStart: number; nameIsName: boolean }>();

function samples(template: string, partition: string): { first: string; second: string; nameStart: number; nameIsName: boolean } {
  const key = `${partition}\u0000${template}`;
  let entry = sampleCache.get(key);
  if (!entry) {
    const fill = (region: string, account: string, name: string) =>
      template.replace(/\$\{([^}]+)\}/g, (_m, v: string) =>
        v === 'Partition' ? partition : v === 'Region' ? region : v === 'Account' ? account : name,
      );
    const first = fill('us-east-1', '111111111111', 'abc');
    const nameStart = first.search(/abc|us-east-1|111111111111/);
    entry = {
      first,
      second: fill('eu-west-3', '999988887777', 'x-1/y:z'),
      nameStart,
      nameIsName: nameStart >= 0 && first.startsWith('abc', nameStart),
    };
    if (sampleCache.size > 5000) {
      sampleCache.clear();
    }
    sampleCache.set(key, entry);
  }
  return entry;
}

function computeCovers(resource: string, template: string): boolean {
  let wild = -1;
  let glob = false;
  for (let i = 0; i < resource.length; i++) {
    const ch = resource[i];
    if (ch === '*' || ch === '?') {
      glob = true;
      if (wild < 0) {
        wild = i;
      }
      break;
    }
    if (wild < 0 && ch === '$' && resource[i + 1] === '{') {
      wild = i;
    }
  }
  if (wild < 0 || !glob) {
    return false;
  }
  const partition = compiledResource(resource)?.partition;
  if (partition === undefined || !compiledTemplate(template, '')) {
    return false;
  }
  const { first, second, nameStart, nameIsName } = samples(template, partition.includes('*') ? 'aws' : partition);
  // cheap rejection: the resource's literal start must fit the template, and a literal where the
  // template has a name variable (bucket-1/...) names one resource
  const literal = resource.slice(0, wild);
  const comparable = Math.min(literal.length, nameStart < 0 ? first.length : nameStart);
  if (literal.slice(0, comparable).toLowerCase() !== first.slice(0, comparable).toLowerCase()) {
    return false;
  }
  if (nameIsName && literal.length > nameStart) {
    return false;
  }
  return patternMatches(resource, first) && patternMatches(resource, second);
}

/** Turns a template into a snippet: `arn:${1:aws}:s3:::${2:BucketName}/${3:ObjectName}`. */
export function arnTemplateToSnippet(template: string, defaults: { partition?: string; region?: string; account?: string } = {}): string {
  let index = 0;
  return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    index++;
    const value =
      name === 'Partition'
        ? (defaults.partition ?? 'aws')
        : name === 'Region'
          ? (defaults.region ?? name)
          : name === 'Account'
            ? (defaults.account ?? name)
            : name;
    return `\${${index}:${value.replace(/[$}\\]/g, '\\$&')}}`;
  });
}
