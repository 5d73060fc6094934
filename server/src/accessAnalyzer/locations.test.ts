import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { analyzeFile } from '../policy/policyFile';
import { apiPositionToOffset, apiSpanToOffsets, locationToDocumentSpan, resolveApiPath } from './locations';
import type { AaPosition } from './model';

/** The position of an offset the way ValidatePolicy writes it: line from 1, column and offset from 0. */
function apiPosition(text: string, offset: number): AaPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { line, column, offset };
}

function spanOf(text: string, needle: string, from = 0) {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, needle);
  return { start: apiPosition(text, offset), end: apiPosition(text, offset + needle.length) };
}

suite('Access Analyzer positions: line 1-based, column and offset 0-based', () => {
  test('the first character is line 1, column 0', () => {
    assert.equal(apiPositionToOffset('{"a": 1}', { line: 1, column: 0, offset: 0 }), 0);
    assert.equal(apiPositionToOffset('{\n"a": 1}', { line: 2, column: 1, offset: 3 }), 3);
  });

  test('multi-line: the span lands on the value, not a line off', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "*"\n    }\n  ]\n}';
    const span = spanOf(text, '"*"');
    const out = apiSpanToOffsets(text, span);
    assert.equal(text.slice(out.offset, out.offset + out.length), '"*"');
  });

  test('CRLF line endings', () => {
    const text =
      '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}\r\n  ]\r\n}';
    const span = spanOf(text, '"*"');
    const out = apiSpanToOffsets(text, span);
    assert.equal(text.slice(out.offset, out.offset + out.length), '"*"');
  });

  test('non-ASCII before the span (UTF-16 columns, like the offsets)', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Sid": "日本語のステートメント😀", "Effect": "Allow",\n "Action": "s3:*", "Resource": "*"}]\n}';
    const span = spanOf(text, '"s3:*"');
    const out = apiSpanToOffsets(text, span);
    assert.equal(text.slice(out.offset, out.offset + out.length), '"s3:*"');
    const sameLine = spanOf(text, '"Allow"');
    const allow = apiSpanToOffsets(text, sameLine);
    assert.equal(text.slice(allow.offset, allow.offset + allow.length), '"Allow"');
  });

  test('a line past the end falls back to the offset; columns past a line end clamp', () => {
    assert.equal(apiPositionToOffset('{}', { line: 9, column: 0, offset: 1 }), 1);
    assert.equal(apiPositionToOffset('{\n}', { line: 1, column: 50, offset: 0 }), 2);
  });

  test('the recorded fixture span (line 9, column 18, offset 145) is the Resource value', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}';
    const out = apiSpanToOffsets(text, { start: { line: 9, column: 18, offset: 145 }, end: { line: 9, column: 21, offset: 148 } });
    assert.deepEqual(out, { offset: 145, length: 3 });
    assert.equal(text.slice(145, 148), '"*"');
  });
});

suite('Access Analyzer paths', () => {
  const text =
    '// a comment\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}]}';
  const file = analyzeFile(text, { languageId: 'jsonc', matchesPolicyGlob: true });
  const embedded = file.policies[0];

  test('value, key, index and substring elements', () => {
    const root = embedded.policy.root;
    const value = resolveApiPath(root, [{ value: 'Statement' }, { index: 0 }, { value: 'Action' }, { index: 1 }]);
    assert.equal(text.slice(value!.offset, value!.offset + value!.length), '"s3:Get*"');
    const key = resolveApiPath(root, [{ value: 'Statement' }, { index: 0 }, { key: 'Resource' }]);
    assert.equal(text.slice(key!.offset, key!.offset + key!.length), '"Resource"');
    const sub = resolveApiPath(root, [
      { value: 'Statement' },
      { index: 0 },
      { value: 'Action' },
      { index: 0 },
      { substring: { start: 3, length: 9 } },
    ]);
    assert.equal(text.slice(sub!.offset, sub!.offset + sub!.length), 'GetObject');
    assert.equal(resolveApiPath(root, [{ value: 'Nope' }]), undefined);
  });

  test('JSONC was sent as canonical JSON: findings are placed by path', () => {
    const span = locationToDocumentSpan(
      {
        path: [{ value: 'Statement' }, { index: 0 }, { value: 'Resource' }],
        span: { start: { line: 1, column: 0, offset: 0 }, end: { line: 1, column: 1, offset: 1 } },
      },
      embedded,
      '{}',
      undefined,
    );
    assert.equal(text.slice(span.offset, span.offset + span.length), '"*"');
  });
});
