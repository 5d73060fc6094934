import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import rule from './rule';
import { findingsFor, testRule } from '../testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}',
    // a misspelled key is said once, by unknown-condition-key
    '{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresnt": "true"}}}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*", "Condition": {"DateLessThan": {⟦"aws:TokenIssueTime"⟧: "2020-01-01T00:00:01Z"}}}', messageId: 'date', message: /never applies/ },
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
    assert.deepEqual(findings.filter((f) => f.security).map((f) => f.ruleId), []);
  }
});
