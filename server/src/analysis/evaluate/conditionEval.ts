/**
 * Condition evaluation as AWS documents it: values of one key are ORed, keys and operators are
 * ANDed; key names are case-insensitive; `...IfExists` is true when the key is absent; `Null`
 * tests presence; `ForAllValues` is true for an absent or empty key and `ForAnyValue` false;
 * negated operators (`StringNotEquals`, `NotIpAddress`, ...) are true when the key is absent.
 * Values are compared by the operator's type: strings, numbers, dates, Booleans, IPs/CIDRs, ARNs.
 */
import { parseOperator, type OperatorFamily } from '../../catalog/operators';
import type { ConditionClause } from '../../policy/model';
import { cachedRegExp, compilePattern, resolvePattern, type CompiledPattern, type VariableLookup } from './patterns';
import type { ConditionTrace } from './types';

/** The request context, keys lower-cased, every value a list of strings. */
export type RequestContext = Map<string, string[]>;

export interface CompiledCondition {
  operator: string;
  key: string;
  keyLower: string;
  family: OperatorFamily | undefined;
  baseName: string;
  negated: boolean;
  ifExists: boolean;
  qualifier: 'ForAllValues' | 'ForAnyValue' | undefined;
  values: CompiledPattern[];
  /** a value computed by a template: unknown, so the condition cannot be decided */
  dynamic: boolean;
}

const VARIABLE_FAMILIES: ReadonlySet<OperatorFamily> = new Set(['String', 'Arn', 'Bool']);

export function compileClauses(clauses: ConditionClause[], variables: boolean): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  for (const clause of clauses) {
    const parsed = parseOperator(clause.operator);
    for (const entry of clause.entries) {
      out.push({
        operator: clause.operator,
        key: entry.key,
        keyLower: entry.key.toLowerCase(),
        family: parsed.info?.family,
        baseName: parsed.info?.name ?? parsed.baseName,
        negated: parsed.info?.negated ?? false,
        ifExists: parsed.ifExists,
        qualifier: parsed.qualifier,
        // policy variables work in string, ARN and Boolean conditions only (IAM User Guide, condition operators)
        values: entry.values.map((v) => compilePattern(v.value, variables && VARIABLE_FAMILIES.has(parsed.info?.family ?? 'Null'))),
        dynamic:
          entry.values.some((v) => v.dynamic !== undefined) || clause.element.dynamic !== undefined || entry.element.dynamic !== undefined,
      });
    }
  }
  return out;
}

/** Evaluates one condition entry; `trace` collects the explanation when given. */
export function evaluateCondition(
  c: CompiledCondition,
  context: RequestContext,
  lookup: VariableLookup,
  trace?: ConditionTrace[],
): boolean {
  const request = context.get(c.keyLower);
  const present = request !== undefined && request.length > 0;
  let result: boolean;
  let reason: string;
  let shownValues: string[] | undefined;
  if (!c.family) {
    result = false;
    reason = `unknown condition operator ${c.operator}: the condition never matches (AWS rejects the policy)`;
  } else if (c.dynamic) {
    result = false;
    reason = 'the condition values are computed by the template: unknown offline, treated as not matching';
  } else if (c.family === 'Null') {
    const wants = c.values.map((v) => v.text.toLowerCase());
    result = wants.some((w) => (w === 'true') === !present);
    reason = `${c.key} is ${present ? 'present' : 'absent'}; Null ${wants.join(' or ')} ${result ? 'holds' : 'does not hold'}`;
  } else if (!present) {
    if (c.ifExists) {
      result = true;
      reason = `${c.key} is ${request ? 'empty' : 'absent'}: ...IfExists is true`;
    } else if (c.qualifier === 'ForAllValues') {
      result = true;
      reason = `${c.key} is ${request ? 'empty' : 'absent'}: ForAllValues is true`;
    } else if (c.qualifier === 'ForAnyValue') {
      result = false;
      reason = `${c.key} is ${request ? 'empty' : 'absent'}: ForAnyValue is false`;
    } else {
      result = c.negated;
      reason = `${c.key} is absent: ${c.negated ? `a negated operator (${c.baseName}) is true` : 'the condition is false'}`;
    }
  } else {
    const resolved = resolveValues(c, lookup);
    shownValues = resolved.map((r) => r.text);
    const positive = (v: string): string | undefined => {
      for (const r of resolved) {
        if (compare(c.family as OperatorFamily, c.baseName, v, r)) {
          return r.text;
        }
      }
      return undefined;
    };
    const verdicts = request.map((v) => ({ v, hit: positive(v) }));
    // per request value: does it satisfy the operator (negated operators: matches none of the values)
    const satisfies = (x: { hit: string | undefined }) => (c.negated ? x.hit === undefined : x.hit !== undefined);
    if (c.qualifier === 'ForAllValues') {
      const failing = verdicts.find((x) => !satisfies(x));
      result = !failing;
      reason = failing
        ? `${c.key} value ${quote(failing.v)} ${describe(c, failing.hit)}`
        : `every value of ${c.key} (${request.map(quote).join(', ')}) ${c.negated ? 'matches none of the values' : 'matches a value'}`;
    } else if (c.qualifier === 'ForAnyValue') {
      const passing = verdicts.find(satisfies);
      result = !!passing;
      reason = passing
        ? `${c.key} value ${quote(passing.v)} ${describe(c, passing.hit)}`
        : `no value of ${c.key} (${request.map(quote).join(', ')}) ${c.negated ? 'is outside the values' : 'matches'}`;
    } else {
      const hit = verdicts.find((x) => x.hit !== undefined);
      result = c.negated ? !hit : !!hit;
      reason = hit
        ? `${c.key} value ${quote(hit.v)} ${describe(c, hit.hit)}`
        : `${c.key} ${request.map(quote).join(', ')} matches none of ${shownValues.map(quote).join(', ') || '(no values)'}${c.negated ? `: ${c.baseName} is true` : ''}`;
    }
  }
  trace?.push({
    operator: c.operator,
    key: c.key,
    values: shownValues ?? c.values.map((v) => v.text),
    requestValues: request,
    result,
    reason,
  });
  return result;
}

function describe(c: CompiledCondition, hit: string | undefined): string {
  if (hit === undefined) {
    return `matches none of the values${c.negated ? `: ${c.baseName} holds` : ''}`;
  }
  return `matches ${quote(hit)}${c.negated ? `: ${c.baseName} does not hold` : ''}`;
}

const quote = (s: string) => JSON.stringify(s);

interface ResolvedValue {
  text: string;
  /** regular expression for Like operators */
  regex?: RegExp;
  /** ARN operators: per-segment expressions */
  segments?: RegExp[];
}

function resolveValues(c: CompiledCondition, lookup: VariableLookup): ResolvedValue[] {
  const out: ResolvedValue[] = [];
  const like = c.baseName === 'StringLike' || c.baseName === 'StringNotLike';
  for (const p of c.values) {
    if (c.family === 'Arn') {
      const segments = splitArn(p, lookup);
      if (segments) {
        out.push(segments);
      }
      continue;
    }
    const r = resolvePattern(p, lookup, like);
    if (!r) {
      continue; // a variable without a value: this value matches nothing
    }
    out.push(like ? { text: r.text, regex: cachedRegExp(r.source, '') } : { text: r.text });
  }
  return out;
}

/** ARN condition values: each of the six colon-separated parts is matched on its own. */
function splitArn(p: CompiledPattern, lookup: VariableLookup): ResolvedValue | undefined {
  const r = resolvePattern(p, lookup, false);
  if (!r) {
    return undefined;
  }
  const fields = splitSix(r.text);
  const segments = fields.map((f, i) => {
    const source = compilePattern(f, false);
    const s = resolvePattern(source, () => undefined, true, i < 5);
    return cachedRegExp(s?.source ?? '(?!)', '');
  });
  return { text: r.text, segments };
}

function splitSix(text: string): string[] {
  const parts = text.split(':');
  if (parts.length <= 6) {
    return parts;
  }
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function compare(family: OperatorFamily, base: string, request: string, value: ResolvedValue): boolean {
  switch (family) {
    case 'String':
      switch (base) {
        case 'StringEquals':
        case 'StringNotEquals':
          return request === value.text;
        case 'StringEqualsIgnoreCase':
        case 'StringNotEqualsIgnoreCase':
          return request.toLowerCase() === value.text.toLowerCase();
        default:
          return value.regex?.test(request) ?? false;
      }
    case 'Numeric': {
      const a = parseNumber(request);
      const b = parseNumber(value.text);
      return a !== undefined && b !== undefined && ordered(base.slice('Numeric'.length), a, b);
    }
    case 'Date': {
      const a = parseDate(request);
      const b = parseDate(value.text);
      return a !== undefined && b !== undefined && ordered(base.slice('Date'.length), a, b);
    }
    case 'Bool':
      return request.toLowerCase() === value.text.toLowerCase();
    case 'Binary':
      return request === value.text;
    case 'IpAddress':
      return ipInCidr(request, value.text);
    case 'Arn': {
      const fields = splitSix(request);
      const segs = value.segments;
      return !!segs && fields.length === 6 && segs.length === 6 && segs.every((r, i) => r.test(fields[i]));
    }
    default:
      return false;
  }
}

/** `Equals`, `NotEquals` (compared positively: negation is applied by the caller), `LessThan`, ... */
function ordered(relation: string, a: number, b: number): boolean {
  switch (relation) {
    case 'Equals':
    case 'NotEquals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    return undefined;
  }
  return Number(t);
}

/** ISO 8601 date/time, or epoch seconds. */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    return Number(t) * 1000;
  }
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** IPv4 / IPv6 address inside a CIDR (a bare address is a /32 or /128). */
const ipCache = new Map<string, { value: bigint; bits: number } | null>();

/** Parsed addresses are cached: policies repeat their CIDRs, requests their source addresses. */
function cachedIp(text: string): { value: bigint; bits: number } | undefined {
  let v = ipCache.get(text);
  if (v === undefined) {
    v = parseIp(text) ?? null;
    if (ipCache.size > 10000) {
      ipCache.clear();
    }
    ipCache.set(text, v);
  }
  return v ?? undefined;
}

export function ipInCidr(address: string, cidr: string): boolean {
  const [net, lenText] = cidr.trim().split('/');
  const a = cachedIp(address.trim().split('/')[0]);
  const n = cachedIp(net);
  if (!a || !n || a.bits !== n.bits) {
    return false;
  }
  const len = lenText === undefined ? n.bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > n.bits) {
    return false;
  }
  if (len === 0) {
    return true;
  }
  const shift = BigInt(n.bits - len);
  return a.value >> shift === n.value >> shift;
}

function parseIp(text: string): { value: bigint; bits: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split('.').map(Number);
    if (octets.some((o) => o > 255)) {
      return undefined;
    }
    return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), bits: 32 };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) {
    return undefined;
  }
  let groups: string[];
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const expand = (s: string): string[] | undefined => {
    if (!s) {
      return [];
    }
    const out: string[] = [];
    for (const g of s.split(':')) {
      if (g.includes('.')) {
        const v4 = parseIp(g);
        if (!v4 || v4.bits !== 32) {
          return undefined;
        }
        out.push(((v4.value >> 16n) & 0xffffn).toString(16), (v4.value & 0xffffn).toString(16));
      } else {
        out.push(g);
      }
    }
    return out;
  };
  const head = expand(halves[0]);
  const tail = halves.length === 2 ? expand(halves[1]) : [];
  if (!head || !tail) {
    return undefined;
  }
  if (halves.length === 2) {
    groups = [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) {
    return undefined;
  }
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}
