/**
 * The extension's Japanese: package.nls.ja.json has every key of package.nls.json, every %key%
 * of package.json exists, and l10n/bundle.l10n.ja.json translates every vscode.l10n.t string of
 * the client (found in the sources) with the same {n} placeholders.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const args = (s: string) =>
  [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

suite('extension localization', () => {
  test('package.nls.json and package.nls.ja.json have the same keys, and cover every %key% of package.json', () => {
    const en = read('package.nls.json') as Record<string, string>;
    const ja = read('package.nls.ja.json') as Record<string, string>;
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(ja)) {
      assert.ok(value.trim(), `${key} is empty`);
    }
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 30);
    assert.deepEqual(
      used.filter((k) => !(k in en)),
      [],
    );
    assert.equal((read('package.json') as { l10n?: string }).l10n, './l10n');
  });

  test('every vscode.l10n.t string of the client has a Japanese translation with the same placeholders', () => {
    const bundle = read('l10n/bundle.l10n.ja.json') as Record<string, string>;
    const dir = path.join(root, 'client', 'src');
    const strings = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/vscode\.l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
        strings.add(m[2].replace(/\\(['"\\])/g, '$1'));
      }
    }
    assert.ok(strings.size > 40, `only ${strings.size} strings found`);
    const problems: string[] = [];
    for (const s of strings) {
      if (!bundle[s]) {
        problems.push(`missing: ${s}`);
      } else if (args(bundle[s]) !== args(s)) {
        problems.push(`placeholders differ: ${s}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
