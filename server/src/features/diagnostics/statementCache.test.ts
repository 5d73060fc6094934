import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { analyzeFile } from '../../policy/policyFile';
import { runRules } from '../../rules/engine';
import { ALL_RULES } from '../../rules/index';
import { testCatalog, textDocument } from '../../testing/fixtures';
import { getDiagnostics, getDiagnosticsAsync, spanOf } from './diagnostics';
import { STATEMENT_LOCAL_RULES, StatementFindingsCache } from './statementCache';

const repo = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** Real policies: the corpus cases and the rules' README examples, plus statements of two mixed together. */
function realPolicies(): string[] {
  const texts: string[] = [];
  const cases = path.join(repo, 'test', 'corpus', 'cases');
  for (const name of fs.readdirSync(cases).filter((n) => n.endsWith('.json'))) {
    const c = JSON.parse(fs.readFileSync(path.join(cases, name), 'utf8')) as { policy?: unknown; policyText?: string };
    const text = typeof c.policyText === 'string' ? c.policyText : c.policy ? JSON.stringify(c.policy, null, 2) : undefined;
    if (text) {
      texts.push(text);
    }
  }
  const rules = path.join(repo, 'server', 'src', 'rules');
  for (const dir of fs.readdirSync(rules)) {
    const readme = path.join(rules, dir, 'README.md');
    if (fs.existsSync(readme)) {
      for (const m of fs.readFileSync(readme, 'utf8').matchAll(/```jsonc?\n([\s\S]*?)```/g)) {
        texts.push(m[1]);
      }
    }
  }
  const mixed: string[] = [];
  texts.forEach((text, i) => {
    try {
      const a = JSON.parse(text) as { Statement?: unknown };
      const b = JSON.parse(texts[(i * 7 + 3) % texts.length]) as { Statement?: unknown };
      const sa = ([] as unknown[]).concat(a.Statement ?? []);
      const sb = ([] as unknown[]).concat(b.Statement ?? []);
      mixed.push(JSON.stringify({ Version: '2012-10-17', Statement: [...sa, ...sb, ...sa] }, null, 2));
    } catch {
      // not strict JSON (the malformed cases): used as they are above
    }
  });
  return [...texts, ...mixed];
}

/** A small deterministic random generator (tests must not be flaky). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const SNIPPETS = [
  '"',
  ',',
  '*',
  ':',
  '{',
  '}',
  '[',
  ']',
  's3:',
  'Get',
  'x',
  ' ',
  '\n',
  '"Deny"',
  '"Allow"',
  'arn:aws:s3:::b/*',
  '"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},',
  '${aws:username}',
  'iam:PassRole',
  '"NotAction": "iam:*",',
];

/** A random edit: insert, delete or replace a few characters somewhere. */
function edit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.4) {
    return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
  }
  const length = 1 + Math.floor(rand() * 6);
  if (r < 0.7) {
    return text.slice(0, at) + text.slice(at + length);
  }
  return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at + length);
}

suite('diagnostics: per-statement cache', () => {
  test('every rule marked statement-local gives, per statement alone, what it gives on the whole policy', () => {
    const catalog = testCatalog();
    const local = ALL_RULES.filter((r) => STATEMENT_LOCAL_RULES.has(r.id));
    assert.equal(local.length, STATEMENT_LOCAL_RULES.size, 'every listed id is a rule');
    for (const text of realPolicies()) {
      const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
      for (const embedded of file.policies) {
        const policy = embedded.policy;
        const norm = (f: Parameters<typeof spanOf>[0]) =>
          JSON.stringify([f.ruleId, spanOf(f, policy.tree.root, embedded.basePath, text), f.message, f.severity, f.at.path, f.fix ?? null]);
        for (const rule of local) {
          const whole = runRules(policy, catalog, { rules: [rule], now: new Date(0) }).findings.map(norm);
          const parts = policy.statements.flatMap((s) =>
            runRules({ ...policy, statements: [s] }, catalog, { rules: [rule], now: new Date(0) }).findings.map(norm),
          );
          assert.deepEqual(parts, whole, `${rule.id}:\n${text}`);
        }
      }
    }
  });

  // 12 policies x 25 edits: with the cache key planted without the statement's index, or without
  // all but the first 30 characters of its text, or with spans kept absolute, 11, 127 and 158 of
  // these 300 edits differ from a fresh run (40 policies, the former size, found no more kinds).
  // Version and the policy type change too rarely under random edits: the next test changes them.
  test('cached diagnostics equal fresh diagnostics over many random edits', async () => {
    const catalog = testCatalog();
    const rand = random(15);
    const policies = realPolicies();
    let reused = 0;
    for (let p = 0; p < 12; p++) {
      const cache = new StatementFindingsCache();
      let text = policies[Math.floor(rand() * policies.length)];
      for (let k = 0; k < 25; k++) {
        text = edit(text, rand);
        const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
        const document = textDocument(text);
        const now = new Date(Date.UTC(2026, 0, 1));
        const fresh = getDiagnostics(file, catalog, document, { now, maxHintsPerRule: 3 });
        const cached =
          k % 2
            ? getDiagnostics(file, catalog, document, { now, maxHintsPerRule: 3, cache })
            : await getDiagnosticsAsync(file, catalog, document, {
                now,
                maxHintsPerRule: 3,
                cache,
                pause: async () => undefined,
                isCancelled: () => false,
              });
        assert.deepEqual(cached, fresh, `after edit ${k} of policy ${p}:\n${text}`);
        reused += cache.lastRun.reused;
      }
    }
    assert.ok(reused > 100, `the cache is used (${reused} statements reused)`);
  });

  test('an edit of Version or of another statement that changes the policy type re-checks the unchanged statements', () => {
    const catalog = testCatalog();
    const cache = new StatementFindingsCache();
    const check = (text: string) => {
      const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
      const document = textDocument(text);
      const cached = getDiagnostics(file, catalog, document, { cache });
      assert.deepEqual(cached, getDiagnostics(file, catalog, document), text);
      return { codes: cached.map((d) => d.code), policyType: file.policies[0].policy.policyType };
    };
    const mine = { Sid: 'Mine', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' };
    const other = { Sid: 'Other', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' };
    const policy = (version: string, second: object) => JSON.stringify({ Version: version, Statement: [mine, second] }, null, 2);
    assert.ok(!check(policy('2012-10-17', other)).codes.includes('variable-requires-version'));
    // the same statement text under the old Version: its variable is now literal text
    assert.ok(check(policy('2008-10-17', other)).codes.includes('variable-requires-version'));
    assert.ok(!check(policy('2012-10-17', other)).codes.includes('variable-requires-version'));
    // a Principal in the other statement makes it a resource policy: the unchanged one now lacks a Principal
    const withPrincipal = check(policy('2012-10-17', { ...other, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }));
    assert.equal(withPrincipal.policyType, 'resource');
    assert.ok(withPrincipal.codes.includes('missing-principal'), withPrincipal.codes.join());
  });

  test('an edit inside one statement re-checks only that statement; entries of removed statements are dropped', () => {
    const catalog = testCatalog();
    const statement = (i: number) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjct'],
      Resource: `arn:aws:s3:::b${i}/*`,
    });
    const policy = (n: number, sid = 'S3') =>
      JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: n }, (_, i) => statement(i)) }, null, 2).replace(
        '"S3"',
        `"${sid}"`,
      );
    const cache = new StatementFindingsCache();
    const check = (text: string) =>
      getDiagnostics(analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true }), catalog, textDocument(text), { cache });
    check(policy(10));
    assert.deepEqual(cache.lastRun, { checked: 10, reused: 0 });
    const after = check(policy(10, 'S3edited'));
    assert.deepEqual(cache.lastRun, { checked: 1, reused: 9 });
    assert.equal(after.filter((d) => d.code === 'unknown-action').length, 10);
    check(policy(4));
    assert.equal(cache.size, 4);
  });
});
