import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import rule from './rule';
import { findingsFor, testRule, TEST_NOW } from '../../testing/testRule';
import { formatStatementLine, statementAccess } from '../../analysis/accessSummary';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}',
    // a misspelled key is said once, by unknown-condition-key
    '{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresnt": "true"}}}',
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*", "Condition": {"DateLessThan": {⟦"aws:TokenIssueTime"⟧: "2020-01-01T00:00:01Z"}}}',
      messageId: 'date',
      message: /never applies/,
    },
  ],
});

test('a dead statement is said once: no broad-grant rule reports it or cites its condition', () => {
  for (const code of [
    '{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresnt": "true"}}}',
    '{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*", "Condition": {"DateLessThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}}',
  ]) {
    const { findings } = findingsFor(undefined, code);
    const dead = findings.filter((f) => f.ruleId === 'unknown-condition-key' || f.ruleId === 'statement-never-applies');
    assert.equal(dead.length, 1, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    const cited = findings.filter((f) => /limited by|lower severity/.test(f.message));
    assert.deepEqual(cited, []);
    assert.deepEqual(
      findings.filter((f) => f.security).map((f) => f.ruleId),
      [],
    );
  }
});

test('the code lens of a dead statement says "never applies" and lists no misspelled key as a condition', () => {
  const text =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresnt": "true"}}}]}';
  const policy = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true }).policies[0].policy;
  const line = formatStatementLine(statementAccess(policy.statements[0], testCatalog(), TEST_NOW));
  assert.match(line, /never applies/);
  assert.doesNotMatch(line, /MultiFactorAuthPresnt|MFA/);
});
