/**
 * The README's demo, run as it reads: its example policy (taken from README.md itself) opened in
 * the real server over stdio, and each promise of the bullets below it checked: the code lens
 * text, the rules flagged, the light-bulb titles, the hover and the completion.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import type { CompletionItem, Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LspClient, repoRoot } from '../lsp/harness';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const demo = readme.slice(readme.indexOf('## A short demo'), readme.indexOf('## Features'));
const policy = /```json\n([\s\S]*?)```/.exec(demo)![1];
const fileName = /Open a file such as `([^`]+)`/.exec(demo)![1];
const uri = `file:///tmp/readme-demo/${fileName}`;

function at(text: string, needle: string, offset = 1): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

let client: LspClient;
let diagnostics: Diagnostic[];
before(async () => {
  client = new LspClient();
  await client.initialize();
  client.open(uri, policy);
  diagnostics = await client.diagnostics(uri);
});
after(() => client.shutdown());

suite('README: a short demo', () => {
  test('the example is what the README shows', () => {
    assert.match(policy, /"Action": \["s3:\*", "iam:PassRole"\]/);
  });

  test('the code lens reads as promised', async () => {
    const promised = /a code lens reads `([^`]+)`/.exec(demo)![1];
    const lenses = (await client.codeLenses(uri)) ?? [];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes(promised), `${JSON.stringify(titles)} includes ${promised}`);
  });

  test('the rules flagged are the ones named', () => {
    const codes = new Set(diagnostics.map((d) => String(d.code)));
    for (const id of ['service-wildcard', 'permissions-management', 'passrole-star']) {
      assert.ok(demo.includes(`\`${id}\``) && codes.has(id), `${id} is named and flagged (${[...codes].join(', ')})`);
    }
  });

  test('the light bulb offers every action the README lists, by its exact title', async () => {
    const titlesAt = async (needle: string, offset: number) => {
      const pos = at(policy, needle, offset);
      const here = diagnostics.filter(
        (d) =>
          d.range.start.line <= pos.line &&
          d.range.end.line >= pos.line &&
          d.range.start.character <= pos.character &&
          d.range.end.character >= pos.character,
      );
      return ((await client.codeActions(uri, { start: pos, end: pos }, here)) ?? []).map((a) => a.title);
    };
    const onS3 = await titlesAt('"s3:*"', 2);
    const onPassRole = await titlesAt('"iam:PassRole"', 2);
    const bulletStart = demo.indexOf('- `s3:*` is flagged');
    const bullet = demo.slice(bulletStart, demo.indexOf('\n- ', bulletStart + 1));
    // the titles are the backquoted phrases that start with a capital letter
    const promised = [...bullet.matchAll(/`([A-Z][^`]*)`/g)].map((m) => m[1]);
    assert.ok(promised.length >= 4, JSON.stringify(promised));
    for (const title of promised) {
      assert.ok(onS3.includes(title) || onPassRole.includes(title), `"${title}" is offered: ${JSON.stringify({ onS3, onPassRole })}`);
    }
    assert.ok(
      /the List \+ Read and Write variants/.test(bullet) &&
        onS3.some((t) => /Only List \+ Read actions of s3/.test(t)) &&
        onS3.some((t) => /Only Write actions of s3/.test(t)),
    );
    assert.ok(
      onS3.includes('Split this statement by service (s3, iam)') && onPassRole.includes('Split this statement by service (s3, iam)'),
      'split on either',
    );
  });

  test('hover on s3:* shows the actions it expands to, by access level', async () => {
    const hover = await client.hover(uri, at(policy, 's3:*', 1));
    const text = JSON.stringify(hover?.contents ?? '');
    const count = /Hovering `s3:\*` shows the (\d+) actions/.exec(demo)![1];
    assert.match(text, new RegExp(`\\b${count}\\b`), `${count} in the hover`);
    assert.match(text, /Read/);
  });

  test('typing "s3:GetOb completes s3:GetObject (Read)', async () => {
    const typed = policy.replace('"iam:PassRole"]', '"iam:PassRole", "s3:GetOb"]');
    client.change(uri, typed);
    const result = await client.complete(uri, at(typed, '"s3:GetOb"', '"s3:GetOb'.length));
    const items: CompletionItem[] = Array.isArray(result) ? result : (result?.items ?? []);
    const item = items.find((i) => i.label === 's3:GetObject' || (typeof i.label === 'string' && i.label.endsWith('GetObject')));
    assert.ok(item, JSON.stringify(items.slice(0, 5).map((i) => i.label)));
    assert.match(JSON.stringify(item), /Read/);
    client.change(uri, policy);
  });
});
