/**
 * Nothing the user types can crash the server: truncations and random edits of the corpus
 * policies go through every feature (model, rules, diagnostics, completion, hover, quick-fixes), and every
 * diagnostic range stays inside the document. A second suite does the same through the real
 * server over stdio and checks that every request is answered.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile, policyAt } from '../../server/src/policy/policyFile';
import { getDiagnostics } from '../../server/src/features/diagnostics/diagnostics';
import { getCompletions } from '../../server/src/features/completion/completion';
import { getHover } from '../../server/src/features/hover/hover';
import { getCodeActions } from '../../server/src/features/codeActions/codeActions';
import { parseJson } from '../../server/src/syntax/parseJson';
import { getDocumentSymbols } from '../../server/src/features/documentSymbols/documentSymbols';
import { getDocumentLinks } from '../../server/src/features/documentLinks/documentLinks';
import { getInlayHints } from '../../server/src/features/inlayHints/inlayHints';
import { loadTemplates } from '../../server/src/node/loadTemplates';
import { LspClient, positionAt } from '../lsp/harness';
import { mutate, rng } from './mutate';

const casesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'cases');
const seeds = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as { policy: unknown; policyText?: string })
  .map((c) => c.policyText ?? JSON.stringify(c.policy, null, 2));

const catalog = loadCatalog();
const templates = loadTemplates();

function exercise(text: string, random: () => number, languageId: 'json' | 'jsonc'): void {
  const document = TextDocument.create('file:///fuzz/p.policy.json', languageId, 1, text);
  const file = analyzeFile(text, { languageId, matchesPolicyGlob: true });
  const diagnostics = getDiagnostics(file, catalog, document);
  const lines = document.lineCount;
  for (const d of diagnostics) {
    const start = document.offsetAt(d.range.start);
    const end = document.offsetAt(d.range.end);
    assert.ok(d.range.start.line < lines && d.range.end.line < lines, `range outside the document: ${JSON.stringify(d.range)}`);
    assert.ok(start <= end && end <= text.length, `bad range ${JSON.stringify(d.range)} (${d.code})`);
    assert.equal(document.positionAt(start).line, d.range.start.line);
  }
  for (let k = 0; k < 3; k++) {
    const offset = Math.floor(random() * (text.length + 1));
    const embedded = policyAt(file, offset);
    const completions = getCompletions({ catalog, document, policy: embedded?.policy, templates }, offset);
    for (const item of completions.items.slice(0, 50)) {
      const edit = item.textEdit as { range: { start: { line: number }; end: { line: number } } } | undefined;
      if (edit) {
        assert.ok(edit.range.end.line < lines, 'completion edit outside the document');
      }
    }
    getHover({ catalog, document, policy: embedded?.policy }, offset);
  }
  getDocumentSymbols(file, document);
  for (const link of getDocumentLinks(catalog, file, document)) {
    assert.ok(document.offsetAt(link.range.end) <= text.length, 'link inside the document');
  }
  getInlayHints(catalog, file, document, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) });
  // quick-fixes: every one yields edits inside the document, and fix-all never makes the JSON worse
  const errorsBefore = parseJson(text).errors.length;
  const ctx = { catalog, document, file, ...(languageId === 'jsonc' ? { commentPrefix: '//' } : {}) };
  for (const d of diagnostics.slice(0, 8)) {
    for (const action of getCodeActions(ctx, d.range, [d], ['quickfix'])) {
      for (const edit of action.edit?.changes?.[document.uri] ?? []) {
        assert.ok(
          document.offsetAt(edit.range.end) <= text.length && edit.range.end.line < lines,
          `fix edit outside the document: ${action.title}`,
        );
      }
    }
  }
  const [fixAll] = getCodeActions(
    ctx,
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    [],
    ['source.fixAll'],
    diagnostics,
  );
  const edits = fixAll?.edit?.changes?.[document.uri];
  if (edits) {
    const after = TextDocument.applyEdits(document, edits);
    assert.ok(parseJson(after).errors.length <= errorsBefore, `fix-all made the JSON worse:\n${text}\n---\n${after}`);
  }
}

/*
 * Sized to catch, not to soak: 12 truncations per corpus policy (1,247) and 800 random edits. With
 * bugs planted one at a time (a hover, a completion or the document symbols reading an Effect or a
 * Version that half-typed text lacks; resource-star's fix assuming an Action list), this run fails
 * on each: 146, 246, 369 and 7 of its 2,047 texts respectively (the old 3,000+ truncations and
 * 3,000 edits took three times as long). For a long run: IAM_POLICY_FUZZ_CUTS=40 IAM_POLICY_FUZZ_EDITS=3000.
 */
const CUTS = Number(process.env.IAM_POLICY_FUZZ_CUTS ?? 12);
const EDITS = Number(process.env.IAM_POLICY_FUZZ_EDITS ?? 800);

suite('fuzz: features never throw on half-typed and garbled policies', () => {
  test('truncations of every corpus policy', () => {
    const random = rng(1);
    let n = 0;
    for (const seed of seeds) {
      const step = Math.max(1, Math.floor(seed.length / CUTS));
      for (let i = 0; i <= seed.length; i += step) {
        exercise(seed.slice(0, i), random, 'json');
        n++;
      }
    }
    assert.ok(n >= seeds.length * CUTS, `${n} truncations`);
  });

  test(`${EDITS} random edits (JSON and JSONC)`, () => {
    const random = rng(42);
    for (let i = 0; i < EDITS; i++) {
      let text = seeds[i % seeds.length];
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        text = mutate(text, random);
      }
      exercise(text, random, i % 3 === 0 ? 'jsonc' : 'json');
    }
  });
});

suite('fuzz: the stdio server answers every request', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('300 edits, each followed by diagnostics, completion and hover', async () => {
    const random = rng(7);
    const uri = 'file:///fuzz/live.policy.json';
    client.open(uri, seeds[0]);
    let text = seeds[0];
    for (let i = 0; i < 300; i++) {
      text = i % 25 === 0 ? seeds[(i / 25) % seeds.length] : mutate(text, random);
      client.change(uri, text);
      const position = positionAt(text, Math.floor(random() * (text.length + 1)));
      const [diagnostics, completion, hover] = await Promise.all([
        client.diagnostics(uri),
        client.complete(uri, position),
        client.hover(uri, position),
      ]);
      assert.ok(Array.isArray(diagnostics));
      assert.ok(completion === null || typeof completion === 'object');
      assert.ok(hover === null || typeof hover === 'object');
    }
    assert.equal(client.child.exitCode, null, 'server still running');
    assert.ok(!client.stderr.join('').includes('Error'), client.stderr.join(''));
  });

  test('a 1 MB document, opened and edited', async () => {
    const statement = {
      Effect: 'Allow',
      Action: ['s3:GetObject', 'ec2:Start*'],
      Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:ec2:us-east-1:111122223333:instance/*'],
    };
    const big = JSON.stringify(
      { Version: '2012-10-17', Statement: Array.from({ length: 6500 }, (_, i) => ({ Sid: `S${i}`, ...statement })) },
      null,
      2,
    );
    assert.ok(big.length > 1_000_000);
    const uri = 'file:///fuzz/big.json';
    client.open(uri, big);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 0);
    const completion = await client.complete(uri, positionAt(big, big.indexOf('s3:GetObject') + 4));
    assert.ok(completion);
    client.change(uri, big.slice(0, big.length / 2));
    assert.ok(Array.isArray(await client.diagnostics(uri)));
  });
});
