/**
 * Does a statement's Condition really constrain it? Rules use this to lower the severity of broad
 * grants that are limited by, say, aws:SourceIp or iam:PassedToService, and to keep reporting
 * grants whose condition limits nothing (aws:SecureTransport, a token issue time in the past).
 */
import type { IamCatalog } from '../catalog/catalog';
import { parseOperator } from '../catalog/operators';
import type { ConditionClause, ConditionEntry, Statement } from '../policy/model';
import { isAllow } from '../policy/model';

export interface ConditionNote {
  key: string;
  operator: string;
  /** short phrase for summaries: "MFA required", "source IP limited" */
  phrase: string;
  reason?: string;
  /** why a condition can never be true: a key no request carries, or a date in the past */
  cause?: 'unknownKey' | 'date';
}

export interface ConditionAssessment {
  /** conditions that narrow who, where or what */
  constraining: ConditionNote[];
  /** conditions that can never be true today: the statement never applies */
  neverTrue: ConditionNote[];
  /** conditions that are present but limit nothing that matters for privilege */
  weak: ConditionNote[];
}

/** Keys that limit transport, time or client software, not who can act on what. */
const WEAK_KEYS = new Set([
  'aws:securetransport',
  'aws:currenttime',
  'aws:epochtime',
  'aws:useragent',
  'aws:referer',
  'aws:requestedregion',
]);

export function describeConditionKey(key: string, operator: string, values: string[]): string {
  const lower = key.toLowerCase();
  const first = values[0];
  const many = values.length > 1 ? ` (${values.length})` : '';
  if (lower === 'aws:multifactorauthpresent') {
    return 'MFA required';
  }
  if (lower === 'aws:multifactorauthage') {
    return 'recent MFA required';
  }
  if (lower === 'aws:sourceip') {
    return 'source IP limited';
  }
  if (lower === 'aws:sourcevpc' || lower === 'aws:sourcevpce' || lower === 'aws:vpcsourceip' || lower === 'aws:sourcevpcarn') {
    return 'VPC only';
  }
  if (lower === 'aws:principalorgid' || lower === 'aws:principalorgpaths') {
    return 'organization only';
  }
  if (lower === 'aws:resourceorgid' || lower === 'aws:resourceorgpaths' || lower === 'aws:resourceaccount') {
    return 'own resources only';
  }
  if (lower === 'aws:principalarn' || lower === 'aws:principalaccount' || lower === 'aws:userid' || lower === 'aws:username') {
    return 'specific principals';
  }
  if (lower === 'aws:requestedregion') {
    return `regions limited${many}`;
  }
  if (lower === 'aws:securetransport') {
    return 'HTTPS only';
  }
  if (lower === 'aws:currenttime' || lower === 'aws:epochtime') {
    return 'time window';
  }
  if (lower === 'aws:viaawsservice') {
    return 'via AWS services';
  }
  if (lower.startsWith('aws:calledvia')) {
    return 'via AWS services';
  }
  if (lower === 'aws:sourcearn' || lower === 'aws:sourceaccount' || lower === 'aws:sourceowner') {
    return 'source limited';
  }
  if (lower === 'sts:externalid') {
    return 'external ID required';
  }
  if (lower === 'iam:passedtoservice') {
    return first ? `passed to ${first.replace('.amazonaws.com', '')}${many}` : 'passed to a service';
  }
  if (/:resourcetag\//.test(lower)) {
    return `tag ${key.slice(key.indexOf('/') + 1)} required`;
  }
  if (/:requesttag\/|:tagkeys$/.test(lower)) {
    return 'tagging limited';
  }
  if (lower.endsWith(':sub')) {
    return 'subject limited';
  }
  if (lower.endsWith(':aud')) {
    return 'audience limited';
  }
  if (operator.startsWith('Null')) {
    return `${key} ${first === 'true' ? 'absent' : 'present'}`;
  }
  return key;
}

/** Evaluates conditions whose outcome is fixed today (dates in the past). */
function dateVerdict(clause: ConditionClause, entry: ConditionEntry, now: Date): 'always' | 'never' | undefined {
  const key = entry.key.toLowerCase();
  if (key !== 'aws:tokenissuetime' && key !== 'aws:currenttime' && key !== 'aws:epochtime') {
    return undefined;
  }
  const parsed = parseOperator(clause.operator);
  const base = parsed.info?.name;
  if (!base || !base.startsWith('Date') || entry.values.length === 0) {
    return undefined;
  }
  const times = entry.values.map((v) => (/^\d+$/.test(v.value) ? Number(v.value) * 1000 : Date.parse(v.value)));
  if (times.some((t) => Number.isNaN(t))) {
    return undefined;
  }
  // values are ORed: the clause holds when the request time compares true with any of them
  const latest = Math.max(...times);
  const earliest = Math.min(...times);
  const nowMs = now.getTime();
  if ((base === 'DateGreaterThan' || base === 'DateGreaterThanEquals') && earliest < nowMs) {
    return 'always';
  }
  if (base === 'DateLessThan' || base === 'DateLessThanEquals') {
    // temporary credentials live at most 36 hours, so tokens issued before then are gone
    const horizon = key === 'aws:tokenissuetime' ? nowMs - 36 * 3600 * 1000 : nowMs;
    if (latest < horizon) {
      return 'never';
    }
  }
  return undefined;
}

/**
 * A pattern that every value of the key matches: `*`, or an ARN whose fields after the service are
 * only wildcards (`arn:aws:iam::*`, `arn:aws:iam::*:*`): it limits nothing.
 */
function matchesEverything(value: string): boolean {
  if (/^\*+$/.test(value)) {
    return true;
  }
  const parts = value.split(':');
  return (
    parts[0] === 'arn' && parts.length >= 4 && parts.slice(3).join(':').replace(/[*:]/g, '') === '' && parts.slice(3).join('').includes('*')
  );
}

/**
 * With a catalog, a key that no request carries (a misspelled `aws:MultiFactorAuthPresnt`) makes a
 * positive operator false: the statement never applies (negated, IfExists, Null and ForAllValues
 * operators are true on a missing key, so they are left to the other checks).
 */
function missingKeyNeverTrue(clause: ConditionClause, entry: ConditionEntry, catalog: IamCatalog | undefined): boolean {
  if (!catalog || catalog.conditionKey(entry.key) || catalog.undocumentedConditionKey(entry.key) || !entry.key.includes(':')) {
    return false;
  }
  const parsed = parseOperator(clause.operator);
  return !!parsed.info && !parsed.info.negated && !parsed.ifExists && parsed.info.family !== 'Null' && parsed.qualifier !== 'ForAllValues';
}

export function assessConditions(statement: Statement, now: Date = new Date(), catalog?: IamCatalog): ConditionAssessment {
  const result: ConditionAssessment = { constraining: [], neverTrue: [], weak: [] };
  const allow = isAllow(statement);
  for (const clause of statement.condition?.clauses ?? []) {
    const parsed = parseOperator(clause.operator);
    for (const entry of clause.entries) {
      const values = entry.values.map((v) => v.value);
      const note: ConditionNote = {
        key: entry.key,
        operator: clause.operator,
        phrase: describeConditionKey(entry.key, clause.operator, values),
      };
      if (missingKeyNeverTrue(clause, entry, catalog)) {
        result.neverTrue.push({ ...note, cause: 'unknownKey', reason: `${entry.key} is not a condition key, so no request carries it` });
        continue;
      }
      const verdict = dateVerdict(clause, entry, now);
      if (verdict === 'never') {
        result.neverTrue.push({
          ...note,
          cause: 'date',
          reason: `${clause.operator} ${entry.key} ${values.join(', ')} can no longer be true`,
        });
        continue;
      }
      if (verdict === 'always') {
        result.weak.push({ ...note, reason: `${clause.operator} ${entry.key} ${values.join(', ')} is always true today` });
        continue;
      }
      const lower = entry.key.toLowerCase();
      if (WEAK_KEYS.has(lower)) {
        result.weak.push({ ...note, reason: `${entry.key} does not limit who can act or on what` });
        continue;
      }
      if (!parsed.info) {
        result.weak.push({ ...note, reason: `unknown operator ${clause.operator}` });
        continue;
      }
      if (allow && parsed.ifExists && !parsed.info.negated) {
        result.weak.push({ ...note, reason: `${clause.operator} also matches requests without ${entry.key}` });
        continue;
      }
      if (allow && parsed.info.negated) {
        result.weak.push({ ...note, reason: `${clause.operator} excludes some values but allows every other` });
        continue;
      }
      if (allow && parsed.qualifier === 'ForAllValues') {
        result.weak.push({ ...note, reason: `ForAllValues is also true when ${entry.key} is absent` });
        continue;
      }
      if (parsed.info.family === 'Null') {
        result.weak.push({ ...note, reason: 'Null only tests whether the key is present' });
        continue;
      }
      // ArnEquals and ArnLike both take wildcards
      if (values.length > 0 && values.every(matchesEverything) && (parsed.info.wildcards || parsed.info.family === 'Arn')) {
        result.weak.push({ ...note, reason: `${values.join(', ')} matches every value` });
        continue;
      }
      if (lower === 'aws:multifactorauthpresent' && values.some((v) => v.toLowerCase() === 'false')) {
        result.weak.push({ ...note, reason: 'matches sessions without MFA' });
        continue;
      }
      result.constraining.push(note);
    }
  }
  return result;
}

/**
 * One line for messages: why a condition lowers severity. A statement whose condition can never be
 * true is dead: it is reported once (statement-never-applies, unknown-condition-key), never cited
 * as a limit, so this says nothing for it.
 */
export function conditionExplanation(a: ConditionAssessment): string | undefined {
  if (a.neverTrue.length > 0) {
    return undefined;
  }
  if (a.constraining.length > 0) {
    return `limited by ${[...new Set(a.constraining.map((c) => c.key))].join(', ')}`;
  }
  return undefined;
}
