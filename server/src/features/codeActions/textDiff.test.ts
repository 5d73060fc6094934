/** textDiff: the edits fix-all hands the editor turn the old text into the new one and touch only what differs. */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { applyOffsetEdits } from '../../edits/textEdits';
import { textDiff } from './textDiff';

function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

suite('textDiff', () => {
  test('equal texts give no edit; one changed line gives one edit of the characters that differ', () => {
    assert.deepEqual(textDiff('a\nb\n', 'a\nb\n'), []);
    const before = 'one\ntwo\nthree\nfour\n';
    assert.deepEqual(textDiff(before, 'one\ntwo\nthreE\nfour\n'), [{ offset: 12, length: 1, text: 'E' }]);
    assert.deepEqual(textDiff(before, 'one\nthree\nfour\n'), [{ offset: 4, length: 4, text: '' }]);
  });

  test('changes far apart are separate edits; the lines between them are not touched', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}\n`);
    const after = [...lines];
    after[3] = 'changed 3\n';
    after.splice(40, 2, 'new 40\n');
    const before = lines.join('');
    const edits = textDiff(before, after.join(''));
    assert.equal(edits.length, 2);
    assert.ok(edits[0].offset + edits[0].length <= before.indexOf('line 4\n'));
    assert.ok(edits[1].offset >= before.indexOf('line 39\n'));
    assert.equal(applyOffsetEdits(before, edits), after.join(''));
  });

  test('random edits of random texts round-trip, in order, without overlaps', () => {
    const rand = random(7);
    const words = ['{', '}', '"s3:GetObject",', '"Effect": "Allow",', '', '  ', '\r', 'x'];
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: Math.floor(rand() * 30) }, () => words[Math.floor(rand() * words.length)]);
      const before = lines.join('\n');
      const changed = [...lines];
      for (let k = Math.floor(rand() * 5); k >= 0; k--) {
        const at = Math.floor(rand() * (changed.length + 1));
        const r = rand();
        if (r < 0.33) {
          changed.splice(at, 1);
        } else if (r < 0.66) {
          changed.splice(at, 0, words[Math.floor(rand() * words.length)]);
        } else {
          changed[at] = `${changed[at] ?? ''}y`;
        }
      }
      const after = changed.join('\n');
      const edits = textDiff(before, after);
      assert.equal(applyOffsetEdits(before, edits), after, JSON.stringify({ before, after, edits }));
      for (let i = 1; i < edits.length; i++) {
        assert.ok(
          edits[i - 1].offset + edits[i - 1].length < edits[i].offset ||
            (edits[i - 1].length === 0 && edits[i - 1].offset < edits[i].offset),
        );
      }
      assert.equal(edits.length === 0, before === after);
    }
  });

  test('a very large difference is still exact (one edit over the middle)', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `"a${i}",\n`).join('');
    const after = Array.from({ length: 5000 }, (_, i) => `"b${i}",\n`).join('');
    assert.equal(applyOffsetEdits(before, textDiff(before, after)), after);
  });
});
