/**
 * A short run of the stdio fuzz tier inside `npm test` (the full tier: `npm run test:fuzz`): no
 * crash, no error response, no empty list for a text with findings. Time and memory limits are
 * left to the full tier (no timing assertions in unit tests).
 */
import { strict as assert } from 'node:assert';
import { after, suite, test } from 'node:test';
import { closeBaseline, runStdioFuzz } from './stdioFuzz';

suite('fuzz tier over stdio (short run)', () => {
  after(() => closeBaseline());

  test('300 seeded edits of JSON, YAML and Terraform', async () => {
    const report = await runStdioFuzz({
      edits: 300,
      seed: 17,
      hangMs: Number.POSITIVE_INFINITY,
      maxGrowthMb: Number.POSITIVE_INFINITY,
      maxRssMb: Number.POSITIVE_INFINITY,
    });
    assert.equal(report.edits, 300);
    assert.equal(report.crashes, 0);
    assert.deepEqual(report.errorResponses, []);
    assert.deepEqual(report.emptyForKnownFinding, []);
    assert.deepEqual(report.failures, []);
  });
});
