/**
 * The docs' lists and counts match the code: the README rule list and counts, the CHANGELOG count,
 * the README settings table (every setting in package.json, and nothing else) and package.json's
 * defaults (equal to DEFAULT_SETTINGS).
 */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { ALL_RULES } from '../../server/src/rules/index';
import { expectedChangelog, expectedReadme, readRepoFile } from './lists';

const FIX = 'run `npm run docs:lists` to regenerate';

interface Contributed {
  properties: Record<string, { default?: unknown }>;
}

function settings(): Record<string, { default?: unknown }> {
  const pkg = JSON.parse(readRepoFile('package.json')) as { contributes: { configuration: Contributed[] } };
  return Object.assign({}, ...pkg.contributes.configuration.map((c) => c.properties)) as Record<string, { default?: unknown }>;
}

/** The settings named in the README's settings table (`iamPolicy.a.b` / `.c` / `.d` rows name three). */
function settingsInReadme(): Set<string> {
  const readme = readRepoFile('README.md');
  const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
  const names = new Set<string>();
  for (const row of table.split('\n').filter((l) => l.startsWith('| `iamPolicy.'))) {
    const first = /^\| `(iamPolicy\.[\w.]+)`/.exec(row)![1];
    names.add(first);
    const base = first.slice(0, first.lastIndexOf('.'));
    for (const m of row.split('|')[1].matchAll(/`\.(\w+)`/g)) {
      names.add(`${base}.${m[1]}`);
    }
    // a row can name a companion setting in its text: "(with `debounce`, ...)"
    for (const m of row.matchAll(/with `(\w+)`/g)) {
      names.add(`${base}.${m[1]}`);
    }
  }
  return names;
}

suite('docs follow the code', () => {
  test('README: the rule list and the rule counts', () => {
    const readme = readRepoFile('README.md');
    assert.equal(readme, expectedReadme(readme), `README.md is out of date: ${FIX}`);
    assert.match(readme, new RegExp(`with ${ALL_RULES.length} rules as you type`));
  });

  test('CHANGELOG: the rule count of the newest entry', () => {
    const changelog = readRepoFile('CHANGELOG.md');
    assert.equal(changelog, expectedChangelog(changelog), `CHANGELOG.md is out of date: ${FIX}`);
  });

  test('ARCHITECTURE and CONTRIBUTING state no rule count that could go stale', () => {
    for (const file of ['ARCHITECTURE.md', 'CONTRIBUTING.md']) {
      assert.doesNotMatch(readRepoFile(file), /\b\d+ rules\b|rules\/ \(\d+/, `${file} carries a rule count`);
    }
  });

  test('README settings table: every contributed setting, and no other', () => {
    const contributed = Object.keys(settings()).sort();
    assert.deepEqual([...settingsInReadme()].sort(), contributed);
  });

  test('package.json defaults are the server defaults', () => {
    for (const [name, schema] of Object.entries(settings())) {
      const keys = name.split('.').slice(1);
      if (keys[0] === 'trace') {continue;} // read by the language client, not the server
      const value = keys.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], DEFAULT_SETTINGS);
      assert.deepEqual(schema.default, value, `${name}: package.json default ${JSON.stringify(schema.default)}, DEFAULT_SETTINGS ${JSON.stringify(value)}`);
    }
  });
});
