import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { ParseErrorCode } from 'jsonc-parser';
import { MAX_DEPTH, limitDepth, parseJson } from './parseJson';
import { formatJsonPath, nodeAtPath, parseJsonPath } from './jsonPath';

suite('parseJson', () => {
  test('valid JSON has no errors, comments or trailing commas', () => {
    const tree = parseJson('{"Version": "2012-10-17", "Statement": []}');
    assert.equal(tree.errors.length, 0);
    assert.equal(tree.comments.length, 0);
    assert.equal(tree.trailingCommas.length, 0);
    assert.equal(tree.root?.type, 'object');
  });

  test('records comments and trailing commas without failing the parse', () => {
    const text = '{\n  // note\n  "Statement": [{"Effect": "Allow",},], /* x */\n}';
    const tree = parseJson(text);
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(
      tree.comments.map((c) => text.substr(c.offset, c.length)),
      ['// note', '/* x */'],
    );
    assert.equal(tree.trailingCommas.length, 3);
    for (const c of tree.trailingCommas) {
      assert.equal(text[c.offset], ',');
    }
  });

  test('reports the exact place of a syntax error', () => {
    const text = '{"Statement": [}';
    const tree = parseJson(text);
    assert.ok(tree.errors.length > 0);
    assert.equal(tree.errors[0].offset, text.indexOf('}'));
    assert.match(tree.errors[0].message, /value|\]/i);
  });

  test('an unterminated string is reported and the tree survives', () => {
    const tree = parseJson('{"Action": "s3:Get');
    assert.ok(tree.errors.some((e) => e.code === ParseErrorCode.UnexpectedEndOfString));
    assert.equal(nodeAtPath(tree.root, ['Action'])?.value, 's3:Get');
  });

  test('a byte-order mark is noted and offsets are kept', () => {
    const text = '\uFEFF{"Version": "2012-10-17"}';
    const tree = parseJson(text);
    assert.equal(tree.hasBom, true);
    assert.deepEqual(tree.errors, []);
    const version = nodeAtPath(tree.root, ['Version']);
    assert.equal(text.substr(version!.offset, version!.length), '"2012-10-17"');
  });

  test('two top-level values are an error at the second one', () => {
    const text = '{"a": 1}\n{"b": 2}';
    const tree = parseJson(text);
    assert.equal(tree.errors[0].code, ParseErrorCode.EndOfFileExpected);
    assert.equal(tree.errors[0].offset, text.indexOf('{"b"'));
  });

  test('empty text has no root and no error', () => {
    const tree = parseJson('   ');
    assert.equal(tree.root, undefined);
    assert.deepEqual(tree.errors, []);
  });
});

suite('jsonPath', () => {
  test('formats and parses paths', () => {
    const path = ['Statement', 0, 'Condition', 'StringEquals', 's3:prefix'];
    const text = formatJsonPath(path);
    assert.equal(text, '$.Statement[0].Condition.StringEquals["s3:prefix"]');
    assert.deepEqual(parseJsonPath(text), path);
    assert.deepEqual(parseJsonPath('$'), []);
    assert.equal(parseJsonPath('Statement'), undefined);
  });

  test('values nested past MAX_DEPTH parse as empty, with the same offsets, and are reported', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    const text = `{"a": "[[[ not a bracket", /* [[[ */ "b": ${deep}, "c": "after"}`;
    const tree = parseJson(text);
    assert.equal(tree.errors.length, 0);
    assert.equal(tree.tooDeep?.length, 1);
    const span = tree.tooDeep![0];
    assert.equal(span.offset, text.indexOf('[['.repeat(10)) + MAX_DEPTH - 1);
    assert.equal(text[span.offset + span.length - 1], ']');
    // the rest of the document is intact
    assert.equal(nodeAtPath(tree.root, ['c'])?.value, 'after');
    assert.equal(nodeAtPath(tree.root, ['a'])?.value, '[[[ not a bracket');
    assert.equal(nodeAtPath(tree.root, ['b'])?.offset, text.indexOf(deep));
  });

  test('limitDepth leaves shallow text untouched and blanks an unclosed deep value to the end', () => {
    const shallow = '{"a": [[1, {"b": 2}]]}';
    assert.equal(limitDepth(shallow, 4).source, shallow);
    const { source, tooDeep } = limitDepth('[[[[1', 2);
    assert.equal(source, '[[[  ');
    assert.deepEqual(tooDeep, [{ offset: 2, length: 3 }]);
  });
});
