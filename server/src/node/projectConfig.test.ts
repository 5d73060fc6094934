import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite, test } from 'node:test';
import { clearProjectConfigCache, findProjectConfig } from './projectConfig';

suite('project configuration (.iampolicy.json)', () => {
  test('the nearest file applies; changes are seen after a change notice; broken files are reported', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-config-'));
    try {
      const deep = path.join(root, 'a', 'b');
      fs.mkdirSync(deep, { recursive: true });
      const file = path.join(root, '.iampolicy.json');
      fs.writeFileSync(file, JSON.stringify({ rules: { 'resource-star': 'off' } }));
      const first = findProjectConfig(path.join(deep, 'p.json'));
      assert.equal(first.file, file);
      assert.deepEqual(first.value, { rules: { 'resource-star': 'off' } });
      fs.writeFileSync(file, '{ broken');
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
      clearProjectConfigCache();
      const broken = findProjectConfig(path.join(deep, 'p.json'));
      assert.deepEqual(broken.value, {});
      assert.match(broken.error ?? '', /\.iampolicy\.json/);
      assert.deepEqual(findProjectConfig(path.join(os.tmpdir(), 'elsewhere', 'x.json')).value, {});
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
