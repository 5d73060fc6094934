// The pass/fail bookkeeping of the Playwright drivers (ui.cjs, ja.cjs): timestamped log lines,
// named checks that record their result without stopping the run, a harness failure, and the
// summary line and exit status at the end (0 only when at least one check ran and all passed).
'use strict';

function createChecks(name) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const results = [];
  async function check(title, fn) {
    try {
      await fn();
      results.push([title, true]);
      log(`PASS ${title}`);
    } catch (e) {
      results.push([title, false]);
      log(`FAIL ${title}: ${e && (e.stack || e)}`);
    }
  }
  function assert(ok, message) {
    if (!ok) throw new Error(message);
  }
  function harnessError(e) {
    results.push(['harness', false]);
    log('HARNESS ERROR:', e && (e.stack || e));
  }
  function finish() {
    const passed = results.filter((r) => r[1]).length;
    console.log(`e2e-${name}: ${passed} passed, ${results.length - passed} failed`);
    process.exit(results.length > 0 && passed === results.length ? 0 : 1);
  }
  return { log, check, assert, harnessError, finish };
}

module.exports = { createChecks };
