/**
 * The time budget of reading a document (parse and model building). A reader calls
 * `checkBudget()` now and then (cheap: the clock is read every 512 calls); when the budget set by
 * `withReadBudget` has run out it throws `ReadBudgetExceeded`, which `analyzeFile` turns into a
 * "too large to check fully" finding, so a huge document never blocks the server for long.
 * Without a budget (the CLI, tests) nothing is ever cut.
 */
export class ReadBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`reading the document took longer than ${budgetMs} ms`);
    this.name = 'ReadBudgetExceeded';
  }
}

let deadline = Number.POSITIVE_INFINITY;
let budget = 0;
let calls = 0;
let clock: () => number = Date.now;

/** Runs fn with a read budget of budgetMs (undefined: none); budgets do not nest (the inner one wins while it runs). */
export function withReadBudget<T>(budgetMs: number | undefined, fn: () => T, now: () => number = Date.now): T {
  const saved = { deadline, budget, clock };
  clock = now;
  budget = budgetMs ?? 0;
  deadline = budgetMs === undefined ? Number.POSITIVE_INFINITY : now() + budgetMs;
  calls = 0;
  try {
    return fn();
  } finally {
    ({ deadline, budget, clock } = saved);
  }
}

/** True once the current budget has run out (reads the clock: for a parser's progress callback). */
export function readBudgetExpired(): boolean {
  return deadline !== Number.POSITIVE_INFINITY && clock() > deadline;
}

/** Throws ReadBudgetExceeded once the current budget has run out. */
export function checkBudget(): void {
  if (deadline === Number.POSITIVE_INFINITY || (++calls & 511) !== 0) {
    return;
  }
  if (clock() > deadline) {
    throw new ReadBudgetExceeded(budget);
  }
}

/** Throws now when the budget has run out (after a step that cannot be interrupted). */
export function assertBudget(): void {
  if (readBudgetExpired()) {
    throw new ReadBudgetExceeded(budget);
  }
}
