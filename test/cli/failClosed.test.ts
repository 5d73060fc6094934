/**
 * Issue 17 item 1 through iam-policy-lint: the depth-10,000 reproduction is checked (full-admin
 * reported, the deep part named) and the other files of the run are reported too.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { runCli } from './runCli';

const DEPTH = 10000;

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-lint-deep-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

suite('iam-policy-lint: fail closed on deep nesting', () => {
  test('depth 10,000: full-admin reported, the other file checked, no internal error', async () => {
    const deep = path.join(tmp, 'deep.policy.json');
    fs.writeFileSync(
      deep,
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:x":' +
        '['.repeat(DEPTH) +
        ']'.repeat(DEPTH) +
        '}}}]}',
    );
    const other = path.join(tmp, 'other.policy.json');
    fs.writeFileSync(
      other,
      JSON.stringify(
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjct', Resource: 'arn:aws:s3:::b/*' }] },
        null,
        2,
      ),
    );
    const r = await runCli(['--format', 'json', deep, other]);
    assert.doesNotMatch(r.stderr, /internal error|Maximum call stack/);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.stringify(JSON.parse(r.stdout));
    assert.match(out, /full-admin/);
    assert.match(out, /more than 128 levels/);
    assert.match(out, /unknown-action/, 'the next file is checked too');
  });
});
