// The client's cost-confirmation decision: billed checks always ask, whatever was remembered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BILLED_CHECKS, confirmationFor, isBilledCheck } from './costConfirmation';

test('every billed custom check asks, with no "don\'t ask again", even after one was chosen', () => {
  assert.deepEqual([...BILLED_CHECKS].sort(), ['CheckAccessNotGranted', 'CheckNoNewAccess', 'CheckNoPublicAccess']);
  for (const check of BILLED_CHECKS) {
    for (const remembered of [false, true]) {
      assert.deepEqual(confirmationFor(check, remembered), { ask: true, offerDontAskAgain: false }, `${check} remembered=${remembered}`);
    }
  }
});

test('only the free ValidatePolicy may be remembered', () => {
  assert.deepEqual(confirmationFor('ValidatePolicy', false), { ask: true, offerDontAskAgain: true });
  assert.deepEqual(confirmationFor('ValidatePolicy', true), { ask: false, offerDontAskAgain: true });
  assert.equal(isBilledCheck('ValidatePolicy'), false);
});

test('an unknown check name is not remembered (it asks, like a billed one)', () => {
  assert.deepEqual(confirmationFor('CheckSomethingNew', true), { ask: true, offerDontAskAgain: false });
  assert.deepEqual(confirmationFor('checknonewaccess', true), { ask: true, offerDontAskAgain: false });
});
