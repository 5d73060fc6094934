/**
 * Every rule has a README whose title is its id and whose first paragraph is its description,
 * with Problems, Not problems and When not to use it sections; every example in Problems makes
 * the rule report, and no example in Not problems does.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { ALL_RULES } from './index';
import { findingsFor } from '../testing/testRule';
import { sectionExamples } from '../testing/readmeExamples';

const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'rules');

suite('rule documentation', () => {
  test('every rule folder is registered and every registered rule has a folder', () => {
    const folders = fs
      .readdirSync(rulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    assert.deepEqual(folders, ALL_RULES.map((r) => r.id).sort());
  });

  for (const rule of ALL_RULES) {
    test(`${rule.id}: README matches the rule and its examples hold`, () => {
      const file = path.join(rulesDir, rule.id, 'README.md');
      assert.ok(fs.existsSync(file), `${file} is missing`);
      const markdown = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const lines = markdown.split('\n');
      assert.equal(lines[0], `# ${rule.id}`);
      const firstParagraph = markdown.split('\n\n')[1]?.trim();
      assert.equal(firstParagraph, rule.meta.description);
      for (const heading of ['Problems', 'Not problems', 'When not to use it']) {
        assert.ok(markdown.includes(`\n## ${heading}\n`), `missing section "${heading}"`);
      }
      const problems = sectionExamples(markdown, 'Problems');
      const clean = sectionExamples(markdown, 'Not problems');
      assert.ok(problems.length > 0, 'at least one problem example');
      assert.ok(clean.length > 0, 'at least one non-problem example');
      for (const ex of problems) {
        const { findings } = findingsFor(rule, ex.code, {
          language: ex.language,
          raw: ex.raw,
          ...(ex.policyType ? { policyType: ex.policyType } : {}),
        });
        assert.ok(findings.length > 0, `problem example reports nothing:\n${ex.code}`);
      }
      for (const ex of clean) {
        const { findings } = findingsFor(rule, ex.code, {
          language: ex.language,
          raw: ex.raw,
          ...(ex.policyType ? { policyType: ex.policyType } : {}),
        });
        assert.equal(findings.length, 0, `non-problem example reports: ${findings.map((f) => f.message).join('; ')}\n${ex.code}`);
      }
    });
  }
});
