import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog, textDocument } from '../../testing/fixtures';
import { getDiagnostics, getDiagnosticsAsync } from './diagnostics';

/** A policy whose every statement has a redundant action (an info/hint finding) and a typo (an error). */
function flood(statements: number): string {
  const statement = (i: number) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: ['s3:Get*', 's3:GetObject', 's3:GetObjct'],
    Resource: `arn:aws:s3:::b${i}/*`,
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

suite('diagnostics: a flood of hints is capped per rule', () => {
  test('the first N info/hint diagnostics of a rule, then one "N more" diagnostic; errors are never capped', async () => {
    const text = flood(130);
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
    const document = textDocument(text);
    const all = getDiagnostics(file, testCatalog(), document);
    const capped = getDiagnostics(file, testCatalog(), document, { maxHintsPerRule: 50 });
    const asyncCapped = await getDiagnosticsAsync(file, testCatalog(), document, {
      maxHintsPerRule: 50,
      pause: async () => undefined,
      isCancelled: () => false,
    });
    assert.deepEqual(asyncCapped, capped);
    const byRule = (list: typeof all, rule: string) => list.filter((d) => d.code === rule);
    const redundant = byRule(all, 'redundant-action');
    assert.ok(redundant.length >= 130, `one redundant-action per statement (${redundant.length})`);
    assert.ok(
      redundant.every((d) => d.severity! >= 3),
      'redundant-action is info or hint',
    );
    const kept = byRule(capped, 'redundant-action');
    assert.equal(kept.length, 51);
    assert.deepEqual(kept.slice(0, 50), redundant.slice(0, 50));
    const summary = kept[50];
    assert.match(String(summary.message), new RegExp(`^${redundant.length - 50} more redundant-action findings`));
    assert.deepEqual(summary.range, redundant[50].range);
    assert.equal(summary.data, undefined, 'no quick-fix data on the summary');
    // errors and warnings are all there
    const serious = (list: typeof all) => list.filter((d) => d.severity! <= 2);
    assert.deepEqual(serious(capped), serious(all));
    assert.ok(serious(all).length >= 130);
  });

  test('under the cap nothing changes', () => {
    const text = flood(3);
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
    const document = textDocument(text);
    assert.deepEqual(getDiagnostics(file, testCatalog(), document, { maxHintsPerRule: 50 }), getDiagnostics(file, testCatalog(), document));
  });
});
