/**
 * Every rule has a Japanese README beside its English one: title = rule id, first paragraph = the
 * rule's Japanese description, the same three sections in Japanese, and exactly the same example
 * blocks as README.md (so the examples docs.test.ts runs are the ones a Japanese reader sees);
 * the Japanese README's own blocks run through the rule too.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { ruleTranslation } from '../i18n';
import { ALL_RULES } from './index';
import { findingsFor } from '../testing/testRule';
import { fencedExamples } from '../testing/readmeExamples';

const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'rules');
const SECTIONS_JA: Record<string, string> = {
  Problems: '問題のある例',
  'Not problems': '問題のない例',
  'When not to use it': '使用しない場合',
};

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) {
    return '';
  }
  const next = markdown.indexOf('\n## ', start + heading.length + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
}

function blocks(body: string): string[] {
  return [...body.matchAll(/```[^\n]*\n[\s\S]*?```/g)].map((m) => m[0]);
}

function run(rule: (typeof ALL_RULES)[number], block: string) {
  const [example] = fencedExamples(block);
  return findingsFor(rule, example.code, {
    language: example.language,
    raw: example.raw,
    ...(example.policyType ? { policyType: example.policyType } : {}),
  }).findings;
}

suite('rule documentation in Japanese', () => {
  for (const rule of ALL_RULES) {
    test(`${rule.id}: README.ja.md matches README.md and the rule`, () => {
      const file = path.join(rulesDir, rule.id, 'README.ja.md');
      assert.ok(fs.existsSync(file), `${file} is missing`);
      const ja = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const en = fs.readFileSync(path.join(rulesDir, rule.id, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
      assert.equal(ja.split('\n')[0], `# ${rule.id}`);
      assert.equal(ja.split('\n\n')[1]?.trim(), ruleTranslation('ja', rule.id)?.description);
      for (const [heading, headingJa] of Object.entries(SECTIONS_JA)) {
        assert.ok(ja.includes(`\n## ${headingJa}\n`), `missing section "${headingJa}"`);
        assert.deepEqual(
          blocks(section(ja, headingJa)),
          blocks(section(en, heading)),
          `the examples of "${headingJa}" differ from README.md's "${heading}"`,
        );
      }
      for (const block of blocks(section(ja, SECTIONS_JA.Problems))) {
        assert.ok(run(rule, block).length > 0, `problem example reports nothing:\n${block}`);
      }
      for (const block of blocks(section(ja, SECTIONS_JA['Not problems']))) {
        assert.equal(run(rule, block).length, 0, `non-problem example reports:\n${block}`);
      }
    });
  }
});
