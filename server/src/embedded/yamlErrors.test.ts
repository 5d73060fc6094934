// The YAML reader's messages: one per error code of the yaml library, each with a Japanese text; the library's English is never shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { translateFragment } from '../i18n';
import { ALL_YAML_MESSAGES, YAML_ERROR_MESSAGES } from './yamlErrors';
import { parseYamlTree } from './yamlTree';

test('every error code the yaml library declares has a message of ours', () => {
  const declared = fs.readFileSync(path.join(path.dirname(require.resolve('yaml')), 'errors.d.ts'), 'utf8');
  const codes = new Set([...declared.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]));
  assert.ok(codes.size >= 20, `${codes.size} codes`);
  for (const code of codes) {
    assert.ok(Object.prototype.hasOwnProperty.call(YAML_ERROR_MESSAGES, code), `no message for ${code}`);
  }
});

test('every message has a Japanese text', () => {
  for (const message of ALL_YAML_MESSAGES) {
    const ja = translateFragment(message, 'ja');
    assert.notEqual(ja, message, message);
    assert.match(ja, /[\u3040-\u30ff]/, message);
  }
});

test('broken YAML: only our messages, at the error positions', () => {
  const samples = [
    'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n     Properties: x\n',
    'a: "unterminated\nb: 1\n',
    'a:\n\t- b\n',
    'a: [1, 2\nb: 3\n',
    'a: 1\n---\nb: 2\n',
    'a: b: c\n',
    'a: @x\n',
    '- a\nb: 1\n',
    '{ a: 1\n  b:\n    - 2 }\n',
    'a: &x &y 1\n',
    'a: *\n',
    '"a\\q": 1\n',
    'key: !!binary x\n ? y\n',
  ];
  let errors = 0;
  for (const text of samples) {
    const tree = parseYamlTree(text);
    for (const e of tree.errors) {
      errors++;
      assert.ok(ALL_YAML_MESSAGES.includes(e.message), `${JSON.stringify(text)}: ${e.message}`);
      assert.ok(e.offset >= 0 && e.offset <= text.length, `${e.offset}`);
    }
  }
  assert.ok(errors >= samples.length - 2, `${errors} errors`);
});
