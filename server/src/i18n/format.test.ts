/** formatMessage's compiled templates give what one regular-expression replace gives, on generated templates. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatMessage } from './format';

/** The definition: each `{{ name }}` replaced from data, unknown names written back as `{{name}}`. */
const reference = (template: string, data: Record<string, string | number>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));

test('formatMessage agrees with the plain replace on generated templates and values', () => {
  let x = 11;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const pieces = ['{{', '}}', '{', '}', ' ', 'a', 'count', 'value', '$&', '$1', '\n', 'x:y', '{{ count }}', '{{value}}', '{{nope}}', 'é'];
  const values: Record<string, string | number>[] = [{}, { count: 3, value: '"s3:*"' }, { value: '$& {{count}}', a: 0 }, { count: '' }];
  for (let k = 0; k < 3000; k++) {
    const template = Array.from({ length: rand(9) }, () => pieces[rand(pieces.length)]).join('');
    const data = values[rand(values.length)];
    // twice: the second time from the compiled template
    assert.equal(formatMessage(template, data), reference(template, data), template);
    assert.equal(formatMessage(template, data), reference(template, data), template);
  }
  assert.equal(formatMessage('{{ n }} of {{m}}', { n: 1 }), '1 of {{m}}');
});
