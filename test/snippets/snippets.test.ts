/**
 * The least-privilege templates must practise what the rules preach: every snippet, with its
 * placeholders filled by their defaults, is valid JSON and draws no warning or error from any
 * rule under each policy type it is offered for.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { unsnippet } from '../../server/src/edits/textEdits';
import type { SnippetEntry } from '../../server/src/features/completion/templates';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile } from '../../server/src/policy/policyFile';
import type { PolicyType } from '../../server/src/policy/model';
import { runRules } from '../../server/src/rules/engine';

const snippetsFile = path.resolve(__dirname, '..', '..', '..', 'snippets', 'iam-policy.code-snippets');
const snippets = JSON.parse(fs.readFileSync(snippetsFile, 'utf8')) as Record<string, SnippetEntry>;
const catalog = loadCatalog();

suite('snippets: least-privilege templates pass every rule', () => {
  test('there are templates for each policy type', () => {
    const types = new Set(Object.values(snippets).flatMap((s) => s.iamPolicyTypes ?? []));
    for (const t of ['identity', 'trust', 'scp'] as PolicyType[]) {
      assert.ok(types.has(t), `a template for ${t}`);
    }
  });

  for (const [label, entry] of Object.entries(snippets)) {
    for (const type of entry.iamPolicyTypes ?? ['identity']) {
      test(`${label} (${type})`, () => {
        const body = Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
        const text = unsnippet(body);
        assert.doesNotThrow(() => JSON.parse(text), 'valid JSON once placeholders are filled');
        const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true, explicitType: { type, source: 'setting' } });
        assert.equal(file.policies.length, 1);
        const findings = runRules(file.policies[0].policy, catalog, { now: new Date('2026-11-22T00:00:00Z') }).findings;
        const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(
          serious.map((f) => `${f.ruleId}: ${f.message}`),
          [],
          text,
        );
      });
    }
  }
});
