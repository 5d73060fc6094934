// Every completion template (snippets/iam-policy.code-snippets) has a Japanese name and description, and no stale entry remains.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { localizeTemplate, withLocale } from './index';
import { TEMPLATES_JA } from './templates.ja';

const snippets = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'snippets', 'iam-policy.code-snippets'), 'utf8'),
) as Record<string, { description?: string; iamScope?: string }>;

test('each template has Japanese text; each entry names a template', () => {
  const names = Object.entries(snippets)
    .filter(([, e]) => e.iamScope === 'policy')
    .map(([name]) => name);
  assert.ok(names.length >= 20, `${names.length}`);
  for (const name of names) {
    const ja = TEMPLATES_JA[name];
    assert.ok(ja, `no Japanese for the template "${name}"`);
    assert.match(ja.label, /[\u3040-\u30ff\u4e00-\u9fff]|^[A-Za-z0-9 :]+$/, name);
    assert.match(ja.description, /[\u3040-\u30ff]/, name);
  }
  assert.deepEqual(
    Object.keys(TEMPLATES_JA).filter((k) => !names.includes(k)),
    [],
    'entries for templates that no longer exist',
  );
});

test('localizeTemplate: Japanese in ja, the English name and description otherwise', () => {
  const t = { label: 'EC2 describe', description: 'Read-only view of EC2' };
  assert.deepEqual(
    withLocale('en', () => localizeTemplate(t)),
    t,
  );
  assert.equal(withLocale('ja', () => localizeTemplate(t)).label, 'EC2 の Describe');
  assert.deepEqual(
    withLocale('ja', () => localizeTemplate({ label: 'Unknown', description: 'x' })),
    { label: 'Unknown', description: 'x' },
  );
});
