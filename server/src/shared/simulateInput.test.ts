/** The pure parts of the "Can this policy …?" input flow. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { actionPicks, contextSummary, initialResource, isActionName, parseContextEntry } from './simulateInput';

test('actionPicks: the policy actions under their own separator, then the catalog', () => {
  const picks = actionPicks(
    {
      actions: [
        { action: 's3:GetObject', accessLevel: 'Read', inPolicy: true },
        { action: 'ec2:RunInstances', accessLevel: 'Write', inPolicy: false },
      ],
      resources: [],
      conditionKeys: [],
    },
    'In this policy',
    'All actions',
  );
  assert.deepEqual(picks, [
    { label: 'In this policy', separator: true },
    { label: 's3:GetObject', description: 'Read' },
    { label: 'All actions', separator: true },
    { label: 'ec2:RunInstances', description: 'Write' },
  ]);
  assert.deepEqual(actionPicks({ actions: [], resources: [], conditionKeys: [] }, 'a', 'b'), []);
});

test('initialResource: the first written resource that is not a bare *', () => {
  assert.equal(initialResource(['*', ' arn:aws:s3:::b/* ']), ' arn:aws:s3:::b/* ');
  assert.equal(initialResource(['*']), '*');
  assert.equal(initialResource([]), '*');
});

test('parseContextEntry and contextSummary', () => {
  assert.deepEqual(parseContextEntry('aws:SourceIp=10.0.0.1'), { key: 'aws:SourceIp', value: '10.0.0.1' });
  assert.deepEqual(parseContextEntry(' aws:Referer = a=b'), { key: 'aws:Referer', value: ' a=b' });
  assert.deepEqual(parseContextEntry('k='), { key: 'k', value: '' });
  assert.equal(parseContextEntry('novalue'), undefined);
  assert.equal(parseContextEntry('=x'), undefined);
  assert.equal(contextSummary(['a=1', 'b=2']), 'a=1, b=2');
});

test('isActionName: service:Action only', () => {
  assert.ok(isActionName('s3:GetObject'));
  assert.ok(isActionName(' kms:Decrypt '));
  assert.ok(!isActionName('s3:Get*'));
  assert.ok(!isActionName('GetObject'));
});
