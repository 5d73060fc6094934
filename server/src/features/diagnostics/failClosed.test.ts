import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withLocale } from '../../i18n';
import { loadCatalog } from '../../node/loadCatalog';
import { analyzeFile } from '../../policy/policyFile';
import { CHECK_FAILED_CODE, getDiagnostics, getDiagnosticsAsync } from './diagnostics';

const catalog = loadCatalog();

suite('diagnostics fail closed', () => {
  const text = 'Resources:\n  P:\n    Properties:\n      PolicyDocument:\n        Statement: []\n';
  const document = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
  const file = analyzeFile(text, {
    languageId: 'yaml',
    matchesPolicyGlob: false,
    embedded: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  });

  test('an analysis that throws yields a visible error, not an empty list', async () => {
    assert.equal(file.isPolicy, true);
    for (const diagnostics of [
      getDiagnostics(file, catalog, document),
      await getDiagnosticsAsync(file, catalog, document, { pause: async () => {}, isCancelled: () => false }),
    ]) {
      assert.equal(diagnostics?.length, 1);
      const [d] = diagnostics!;
      assert.equal(d.code, CHECK_FAILED_CODE);
      assert.equal(d.severity, 1);
      assert.equal(d.message, 'could not check this policy: Maximum call stack size exceeded');
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'Resources:'.length } });
    }
  });

  test('in Japanese the error says so in Japanese, with the reason as it came', () => {
    const [d] = withLocale('ja', () => getDiagnostics(file, catalog, document))!;
    assert.equal(d.code, CHECK_FAILED_CODE);
    assert.equal(d.message, 'このポリシーをチェックできませんでした: Maximum call stack size exceeded');
  });

  test('a document that cannot hold a policy stays quiet', () => {
    const other = analyzeFile('name: x\n', {
      languageId: 'yaml',
      matchesPolicyGlob: false,
      embedded: () => {
        throw new Error('x');
      },
    });
    assert.equal(other.isPolicy, false);
  });
});
