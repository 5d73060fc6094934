/**
 * The acceptance corpus (test/corpus/cases, 96 third-party policies from AWS documentation,
 * Parliament, Cloudsplaining, iam-vulnerable and malformed edits): each case lists findings the
 * product must raise and findings it must not. A finding counts when it is of a mapped rule and
 * sits on the expected path, inside it, on an element that encloses it, or elsewhere in the same
 * statement ("on the expected path (or its statement)", cases/README.md).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile } from '../../server/src/policy/policyFile';
import type { PolicyType } from '../../server/src/policy/model';
import { runRules } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/ruleApi';
import { formatJsonPath, parseJsonPath, type JsonPath } from '../../server/src/syntax/jsonPath';

const casesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'cases');
const NOW = new Date('2026-11-22T00:00:00Z');
const catalog = loadCatalog();

/** Corpus finding kinds -> our rule ids. */
const KINDS: Record<string, string[]> = {
  'json-syntax-error': ['json-syntax'],
  'resource-not-applicable': ['resource-type-mismatch'],
  'invalid-arn-account': ['invalid-arn'],
  'broad-read': ['broad-wildcard'],
  'resource-star-write': ['resource-star'],
  'empty-sid': ['empty-value'],
  'empty-array': ['empty-value'],
  'unsupported-principal': ['element-not-allowed'],
  'action-and-notaction': ['conflicting-elements'],
  'invalid-action': ['unknown-action', 'invalid-action-format', 'unknown-service'],
  'invalid-condition-operator': ['unknown-condition-operator'],
  'invalid-policy-variable': ['policy-variable'],
};
const rulesFor = (kind: string) => KINDS[kind] ?? [kind];

interface Case {
  id: string;
  policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY';
  validatePolicyResourceType?: string;
  policy: unknown;
  policyText?: string;
  expect: { kind: string; where: string; severity: string }[];
  mustNotReport?: string[];
}

function typeOf(c: Case): PolicyType {
  if (c.policyType === 'IDENTITY_POLICY') {
    return 'identity';
  }
  return c.validatePolicyResourceType === 'AWS::IAM::AssumeRolePolicyDocument' ? 'trust' : 'resource';
}

function findingPath(f: Finding): JsonPath {
  return 'path' in f.at ? f.at.path : [];
}

function statementOf(p: JsonPath): string | undefined {
  if (p[0] !== 'Statement') {
    return undefined;
  }
  return typeof p[1] === 'number' ? `Statement[${p[1]}]` : 'Statement';
}

function prefixOf(a: JsonPath, b: JsonPath): boolean {
  return a.length <= b.length && a.every((s, i) => s === b[i]);
}

export function onPath(expected: JsonPath, actual: JsonPath): boolean {
  if (prefixOf(expected, actual) || prefixOf(actual, expected)) {
    return true;
  }
  const s = statementOf(expected);
  return s !== undefined && s === statementOf(actual);
}

function run(c: Case): Finding[] {
  const text = c.policyText ?? JSON.stringify(c.policy, null, 2);
  const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true, explicitType: { type: typeOf(c), source: 'setting' } });
  return file.policies.flatMap((p) => runRules(p.policy, catalog, { now: NOW }).findings);
}

function describe(findings: Finding[]): string {
  return findings
    .map((f) => `  ${f.ruleId}/${f.severity}${f.security ? '/security' : ''} at ${formatJsonPath(findingPath(f))}: ${f.message}`)
    .join('\n');
}

const files = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

suite('acceptance corpus', () => {
  test('has all 96 cases', () => {
    assert.equal(files.length, 96);
  });

  for (const file of files) {
    const c = JSON.parse(fs.readFileSync(path.join(casesDir, file), 'utf8')) as Case;
    test(c.id, () => {
      const findings = run(c);
      for (const e of c.expect) {
        const where = parseJsonPath(e.where);
        assert.ok(where, `bad path ${e.where}`);
        const hit = findings.find((f) => rulesFor(e.kind).includes(f.ruleId) && onPath(where, findingPath(f)));
        assert.ok(hit, `expected ${e.kind} at ${e.where}; got:\n${describe(findings)}`);
      }
      for (const rule of c.mustNotReport ?? []) {
        let offending: Finding[];
        if (rule === 'ERROR') {
          offending = findings.filter((f) => f.severity === 'error');
        } else if (rule === 'SECURITY_WARNING') {
          offending = findings.filter((f) => f.security);
        } else if (rule.includes('@')) {
          const [kind, where] = rule.split('@');
          const p = parseJsonPath(where)!;
          offending = findings.filter((f) => rulesFor(kind).includes(f.ruleId) && prefixOf(p, findingPath(f)));
        } else if (rule.endsWith(':security')) {
          const kind = rule.slice(0, -':security'.length);
          offending = findings.filter((f) => rulesFor(kind).includes(f.ruleId) && f.security);
        } else {
          offending = findings.filter((f) => rulesFor(rule).includes(f.ruleId));
        }
        assert.equal(offending.length, 0, `must not report ${rule}; got:\n${describe(offending)}`);
      }
      if (c.expect.length === 0) {
        // a clean case gets no error and no warning
        const loud = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.equal(loud.length, 0, `clean policy, but:\n${describe(loud)}`);
      }
    });
  }
});
