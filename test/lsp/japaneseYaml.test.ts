/**
 * Issue 16 over stdio: a YAML syntax error in a CloudFormation template, with the `ja` locale, is
 * a Japanese message from our catalog at the error's position, never the yaml library's English.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { type LspClient, repoRoot } from './harness';
import { sharedServer } from './sharedServer';

// "Action" misindented: the statement's keys do not start at the same column (the CLI's trust test lints it too)
const TEMPLATE = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'embedded', 'misindented-action.yaml'), 'utf8');

suite('LSP over stdio: YAML errors in Japanese', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer({ locale: 'ja' });
  });

  test('a misindented key: the catalog message in Japanese, at the line of the error', async () => {
    const uri = 'file:///ws/ja/template.yaml';
    client.open(uri, TEMPLATE, 'yaml');
    const diagnostics = await client.diagnostics(uri);
    const syntax = diagnostics.filter((d) => d.code === 'json-syntax');
    assert.ok(syntax.length > 0, JSON.stringify(diagnostics));
    const mapping = syntax.find((d) => d.range.start.line === 8);
    assert.ok(mapping, JSON.stringify(syntax.map((d) => [d.range.start, d.message])));
    assert.match(String(mapping.message), /マッピングの項目はすべて同じ列から始める必要があります/);
    for (const d of syntax) {
      // the yaml library's English never shows: only Japanese around what the user wrote
      assert.doesNotMatch(String(d.message), /\b(must|mapping|items|column|indent|expected|Implicit|map|keys)\b/i, String(d.message));
      assert.match(String(d.message), /[\u3040-\u30ff]/);
    }
  });
});
