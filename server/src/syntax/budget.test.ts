// The read budget: nothing is cut without one; with one, checkBudget throws once the clock passes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertBudget, checkBudget, readBudgetExpired, ReadBudgetExceeded, withReadBudget } from './budget';

test('without a budget nothing is ever cut', () => {
  for (let i = 0; i < 5000; i++) {
    checkBudget();
  }
  assert.equal(readBudgetExpired(), false);
});

test('with a budget: checkBudget throws ReadBudgetExceeded after the deadline; the budget ends with its function', () => {
  let now = 1000;
  const clock = () => now;
  assert.throws(
    () =>
      withReadBudget(
        50,
        () => {
          for (let i = 0; i < 2000; i++) {
            checkBudget();
          }
          assert.equal(readBudgetExpired(), false, 'within the budget');
          now += 51;
          assert.equal(readBudgetExpired(), true);
          for (let i = 0; i < 2000; i++) {
            checkBudget();
          }
        },
        clock,
      ),
    (err: unknown) => err instanceof ReadBudgetExceeded && err.budgetMs === 50,
  );
  // after it: no budget again
  assert.equal(readBudgetExpired(), false);
  assert.doesNotThrow(() => assertBudget());
});

test('assertBudget throws at once when expired (after a step that cannot be cut)', () => {
  let now = 0;
  assert.throws(
    () =>
      withReadBudget(
        10,
        () => {
          now = 11;
          assertBudget();
        },
        () => now,
      ),
    ReadBudgetExceeded,
  );
});
