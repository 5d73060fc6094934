/**
 * Issue 17 item 7: fix-all over thousands of duplicate actions. Its cost is linear (sorted spans,
 * one pass to apply; timing lives in `npm run bench`); here its result for 4,000 duplicates must
 * be exactly its result for 5, and applying offset edits in one pass must equal applying them
 * one by one.
 */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../node/loadCatalog';
import { analyzeFile } from '../../policy/policyFile';
import { getDiagnostics } from '../diagnostics/diagnostics';
import { getCodeActions } from './codeActions';
import { applyOffsetEdits } from '../../edits/textEdits';

const catalog = loadCatalog();

function fixAll(duplicates: number): string {
  const text = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: Array.from({ length: duplicates }, () => 's3:GetObject'), Resource: 'arn:aws:s3:::b/*' }],
    },
    null,
    2,
  );
  const document = TextDocument.create('file:///p.policy.json', 'json', 1, text);
  const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
  const diagnostics = getDiagnostics(file, catalog, document);
  const [action] = getCodeActions(
    { catalog, document, file },
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    [],
    ['source.fixAll'],
    diagnostics,
  );
  const edits = action?.edit?.changes?.[document.uri];
  assert.ok(edits && edits.length > 0);
  return TextDocument.applyEdits(document, edits);
}

suite('fix-all at scale', () => {
  test('4,000 duplicate actions end as 5 do', () => {
    const small = fixAll(5);
    assert.equal(fixAll(4000), small);
    assert.ok(small.split('s3:GetObject').length - 1 < 5);
  });

  test('applyOffsetEdits: one pass equals edits applied from the back', () => {
    const text = 'abcdefghij';
    const edits = [
      { offset: 2, length: 1, text: 'X' },
      { offset: 5, length: 0, text: '1' },
      { offset: 5, length: 0, text: '2' },
      { offset: 8, length: 2, text: '' },
      { offset: 0, length: 0, text: '<' },
    ];
    let expected = text;
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
      expected = expected.slice(0, e.offset) + e.text + expected.slice(e.offset + e.length);
    }
    assert.equal(applyOffsetEdits(text, edits), expected);
    assert.equal(applyOffsetEdits(text, edits), '<abXde21fgh');
  });
});
