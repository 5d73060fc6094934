/** decodeBytes/encodeText give back every byte sequence exactly; escapeControl leaves no control character. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { escapeControl, escapeJson } from './escape';
import { decodeBytes, encodeText } from './utf8';

test('any bytes survive decode + encode, valid UTF-8 decodes as usual', () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = [
    Buffer.from('{"Sid": "caf\u00e9 \u{1f600}"}'),
    Buffer.from([0xff]),
    Buffer.from([0xc3]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xf4, 0x90, 0x80, 0x80]),
    Buffer.from([0xe0, 0x80, 0x80]),
    Buffer.from([0x80]),
  ];
  for (let i = 0; i < 2000; i++) {
    const bytes = Buffer.concat(
      Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        random() < 0.5 ? pieces[Math.floor(random() * pieces.length)] : Buffer.from([Math.floor(random() * 256)]),
      ),
    );
    const { text } = decodeBytes(bytes);
    assert.deepEqual(encodeText(text), bytes);
  }
  const valid = Buffer.from('{"a": "\u00e9\u{1f600}"}');
  assert.deepEqual(decodeBytes(valid), { text: valid.toString('utf8'), exact: true });
  assert.deepEqual(decodeBytes(Buffer.from([0x61, 0xe9, 0x62])), { text: 'a\udce9b', exact: false });
});

test('escapeControl and escapeJson', () => {
  assert.equal(escapeControl('a\u001b[31mb\nc\td\u009b\u202e'), 'a\\u001b[31mb\\nc\\td\\u009b\\u202e');
  assert.equal(escapeControl('caf\u00e9 \u{1f600}'), 'caf\u00e9 \u{1f600}');
  const json = JSON.stringify({ a: 'x\u001b\u009b\u2066' }, null, 2);
  assert.equal(escapeJson(json), '{\n  "a": "x\\u001b\\u009b\\u2066"\n}');
  assert.deepEqual(JSON.parse(escapeJson(json)), { a: 'x\u001b\u009b\u2066' });
});
