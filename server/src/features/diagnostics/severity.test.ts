/** A configured severity is final: it replaces the rule's severity, even for a finding the rule lowered. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findingsFor } from '../../testing/testRule';
import resourceStar from '../../rules/resource-star/rule';
import { effectiveSeverity } from './diagnostics';

test('the configured severity wins over a condition-lowered one', () => {
  const { findings } = findingsFor(
    resourceStar,
    '{"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceIp": "203.0.113.0/24"}}}',
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'info', 'the condition lowers the default');
  assert.equal(effectiveSeverity(findings[0], 'error'), 'error');
  assert.equal(effectiveSeverity(findings[0], 'hint'), 'hint');
  assert.equal(effectiveSeverity(findings[0], undefined), 'info');
  assert.equal(effectiveSeverity(findings[0], 'off'), undefined);
});
