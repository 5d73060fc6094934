/**
 * Test harness for rules (in the spirit of stylelint's testRule and typescript-eslint's
 * RuleTester): `accept` cases must produce no finding of the rule; `reject` cases must, at exactly
 * the ranges marked ⟦…⟧ when marked. Code may be a whole policy or a bare statement.
 */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import type { PolicyType } from '../policy/model';
import { analyzeFile } from '../policy/policyFile';
import { ranges, testCatalog } from './fixtures';
import { spanOf } from '../features/diagnostics/diagnostics';
import { runReferenceRules, runRules } from '../rules/engine';
import { createEmbeddedExtractor } from '../embedded';
import type { Finding, Rule, Severity } from '../rules/ruleApi';

export const TEST_NOW = new Date('2026-11-22T00:00:00Z');

export interface CaseOptions {
  policyType?: PolicyType;
  /** `yaml`: a CloudFormation template, read as the editor reads it (policies and managed-policy references) */
  language?: 'json' | 'jsonc' | 'yaml';
  /** use the text as is (no statement wrapping) */
  raw?: boolean;
  name?: string;
}

export interface AcceptCase extends CaseOptions {
  code: string;
}

export interface RejectCase extends CaseOptions {
  code: string;
  messageId?: string;
  severity?: Severity;
  security?: boolean;
  message?: RegExp;
  /** number of findings (defaults to the number of marked ranges, when any) */
  count?: number;
}

/** A bare statement (no "Statement" key) becomes a policy; markers survive the wrapping. */
export function wrapCode(code: string, raw = false): string {
  if (raw || /"Statement"\s*:/.test(code.replace(/[⟦⟧]/g, ''))) {
    return code;
  }
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${code.trim().split('\n').join('\n    ')}\n  ]\n}`;
}

export function findingsFor(
  rule: Rule | undefined,
  code: string,
  options: CaseOptions = {},
): { findings: Finding[]; text: string; spans: { offset: number; length: number }[] } {
  if (options.language === 'yaml') {
    return templateFindings(rule, ranges(code).text);
  }
  const { text } = ranges(wrapCode(code, options.raw));
  const analyzeOptions: Parameters<typeof analyzeFile>[1] = { languageId: options.language ?? 'json', matchesPolicyGlob: true };
  if (options.policyType) {
    analyzeOptions.explicitType = { type: options.policyType, source: 'setting' };
  }
  const file = analyzeFile(text, analyzeOptions);
  const policy = file.policies[0].policy;
  const { findings, failures } = runRules(policy, testCatalog(), { now: TEST_NOW, ...(rule ? { rules: [rule] } : {}) });
  if (failures.length) {
    throw failures[0].error;
  }
  return { findings, text, spans: findings.map((f) => spanOf(f, policy.tree.root, [], text)) };
}

/** Findings of a CloudFormation template: every policy's and the managed-policy references'. */
function templateFindings(rule: Rule | undefined, text: string): ReturnType<typeof findingsFor> {
  const file = analyzeFile(text, { languageId: 'yaml', matchesPolicyGlob: false, embedded: createEmbeddedExtractor() });
  const options = { now: TEST_NOW, ...(rule ? { rules: [rule] } : {}) };
  const findings: Finding[] = [];
  const spans: { offset: number; length: number }[] = [];
  for (const p of file.policies) {
    const run = runRules(p.policy, testCatalog(), options);
    if (run.failures.length) {
      throw run.failures[0].error;
    }
    findings.push(...run.findings);
    spans.push(...run.findings.map((f) => spanOf(f, p.policy.tree.root, p.basePath, text)));
  }
  const refs = runReferenceRules(file.managedPolicies, text, testCatalog(), options);
  if (refs.failures.length) {
    throw refs.failures[0].error;
  }
  findings.push(...refs.findings);
  spans.push(...refs.findings.map((f) => spanOf(f, undefined, [], text)));
  return { findings, text, spans };
}

function describeFindings(findings: Finding[], text: string, spans: { offset: number; length: number }[]): string {
  return findings
    .map((f, i) => `${f.messageId} @${JSON.stringify(text.substr(spans[i].offset, spans[i].length))}: ${f.message}`)
    .join('\n');
}

export function testRule(rule: Rule, cases: { accept?: (string | AcceptCase)[]; reject?: RejectCase[] }): void {
  suite(rule.id, () => {
    (cases.accept ?? []).forEach((c, i) => {
      const accept = typeof c === 'string' ? { code: c } : c;
      test(accept.name ?? `accepts #${i + 1}`, () => {
        const { findings, text, spans } = findingsFor(rule, accept.code, accept);
        assert.equal(findings.length, 0, `expected no finding, got:\n${describeFindings(findings, text, spans)}`);
      });
    });
    (cases.reject ?? []).forEach((c, i) => {
      test(c.name ?? `rejects #${i + 1}${c.messageId ? ` (${c.messageId})` : ''}`, () => {
        const { ranges: marked } = ranges(wrapCode(c.code, c.raw || c.language === 'yaml'));
        const { findings, text, spans } = findingsFor(rule, c.code, c);
        const expectedCount = c.count ?? (marked.length || undefined);
        if (expectedCount !== undefined) {
          assert.equal(
            findings.length,
            expectedCount,
            `expected ${expectedCount} finding(s), got:\n${describeFindings(findings, text, spans)}`,
          );
        } else {
          assert.ok(findings.length > 0, 'expected at least one finding');
        }
        if (marked.length) {
          const got = spans.map((s) => `${s.offset}:${s.length}`).sort();
          const want = marked.map((m) => `${m.offset}:${m.length}`).sort();
          assert.deepEqual(
            got,
            want,
            `ranges differ; findings:\n${describeFindings(findings, text, spans)}\nexpected: ${marked.map((m) => JSON.stringify(text.substr(m.offset, m.length))).join(', ')}`,
          );
        }
        for (const f of findings) {
          if (c.messageId) {
            assert.equal(f.messageId, c.messageId, f.message);
          }
          if (c.severity) {
            assert.equal(f.severity, c.severity, f.message);
          }
          if (c.security !== undefined) {
            assert.equal(f.security, c.security, f.message);
          }
          if (c.message) {
            assert.match(f.message, c.message);
          }
        }
      });
    });
  });
}
