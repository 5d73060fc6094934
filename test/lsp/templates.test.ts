/**
 * Whole-policy and statement templates are offered only where a whole policy or statement can go:
 * an empty document, the Statement array between statements, an empty statement's braces; never
 * inside a JSON string or key. VS Code gets them from the server only (no static snippet
 * contribution, which VS Code would offer everywhere, strings included).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { type LspClient, caretPosition, itemsOf, repoRoot } from './harness';
import { sharedServer } from './sharedServer';

const policy = (statements: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements}\n  ]\n}`;

suite('LSP over stdio: templates only where a policy or statement can go', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  let n = 0;
  async function templatesAt(textWithCaret: string): Promise<string[]> {
    const { text, position } = caretPosition(textWithCaret);
    const uri = `file:///ws/templates-${n++}.json`;
    client.open(uri, text);
    return itemsOf(await client.complete(uri, position))
      .filter((i) => i.kind === CompletionItemKind.Snippet)
      .map((i) => i.label);
  }

  test('offered between statements and in an empty statement', async () => {
    assert.ok((await templatesAt(policy('|'))).length > 0);
    assert.ok((await templatesAt(policy('{|}'))).length > 0);
  });

  test('never inside a key or a string', async () => {
    assert.deepEqual(await templatesAt(policy('{"|"}')), [], 'in the key of an empty statement');
    assert.deepEqual(await templatesAt(policy('{"E|"}')), [], 'in a half-typed key');
    assert.deepEqual(
      await templatesAt(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::|"}')),
      [],
      'in Resource',
    );
    assert.deepEqual(
      await templatesAt(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${1:bucket|}"}')),
      [],
      'in a placeholder',
    );
    assert.deepEqual(await templatesAt(policy('"|"')), [], 'a string in the Statement array');
  });

  test('an empty JSON document gets the policy templates from the server', async () => {
    const labels = await templatesAt('|');
    assert.ok(labels.includes('S3 read of one bucket'), labels.join());
  });

  test('the extension contributes no static snippets (VS Code would offer them inside strings)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    assert.equal(manifest.contributes.snippets, undefined);
  });
});
