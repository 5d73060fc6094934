/**
 * iam-policy-lint answers a CI can trust: each case from its reproduction (issue 10's list and
 * issue 17 item 8), run as a user runs it: the shipped bundle in this process (runCli.ts), or the
 * bin wrapper in a real process where the process is the subject (a closed pipe, a blocking read,
 * another user).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { bin, root, runCli, spawnCli } from './runCli';

/** The CLI in this process, in the temporary directory unless told. */
const lint = (args: string[], options: { cwd?: string } = {}) => runCli(args, { cwd: options.cwd ?? tmp });

const policy = (statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-lint-trust-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

suite('iam-policy-lint: answers CI can trust', () => {
  test('an empty or whitespace-only policy file is a finding, not "no problems"', async () => {
    fs.writeFileSync(path.join(tmp, 'empty.policy.json'), '');
    fs.writeFileSync(path.join(tmp, 'blank-policy.json'), ' \n\t\n');
    const r = await lint(['empty.policy.json', 'blank-policy.json']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^empty\.policy\.json:1:1 error empty-policy /m);
    assert.match(r.stdout, /^blank-policy\.json:1:1 error empty-policy /m);
    assert.doesNotMatch(r.stdout, /no problems/);
    const sarif = JSON.parse((await lint(['--format', 'sarif', 'empty.policy.json'])).stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((x) => x.ruleId),
      ['empty-policy'],
    );
    assert.ok(
      sarif.runs[0].tool.driver.rules.some((x) => x.id === 'empty-policy'),
      'the finding has its rule in SARIF',
    );
  });

  test('an unknown rule id or a misspelled severity in .iampolicy.json: a message and exit 2', async () => {
    const dir = path.join(tmp, 'badconfig');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, '.iampolicy.json'),
      JSON.stringify({ rules: { 'resource-str': 'off', 'service-wildcard': 'eror' }, ignore: { '**': ['pasrole-star'] }, polcyTypes: {} }),
    );
    fs.writeFileSync(path.join(dir, 'a.policy.json'), policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]));
    const r = await lint(['a.policy.json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.iampolicy\.json: rules\.resource-str: unknown rule id "resource-str" \(did you mean "resource-star"\?\)/);
    assert.match(
      r.stderr,
      /rules\.service-wildcard: severity of "service-wildcard" must be one of off, hint, info, warning, error, not "eror" \(did you mean "error"\?\)/,
    );
    assert.match(r.stderr, /ignore\.\*\*\.0: unknown rule id "pasrole-star" \(did you mean "passrole-star"\?\)/);
    assert.match(r.stderr, /unknown key "polcyTypes" \(did you mean "policyTypes"\?\)/);
    assert.equal(r.stderr.match(/invalid configuration/g)?.length, 4, 'each problem once');
    // a valid configuration is quiet
    fs.writeFileSync(path.join(dir, '.iampolicy.json'), JSON.stringify({ rules: { 'resource-star': 'off', 'service-wildcard': 'error' } }));
    assert.equal((await lint(['a.policy.json'], { cwd: dir })).code, 0);
  });

  test('a YAML syntax error in a template is reported as a YAML error at its position, without cascades', async () => {
    // "Action" misindented: the parser sees a statement without Action and a stray "Action" key
    fs.copyFileSync(path.join(root, 'test', 'fixtures', 'embedded', 'misindented-action.yaml'), path.join(tmp, 'template.yaml'));
    const r = await lint(['template.yaml']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n').slice(0, -1);
    assert.ok(lines.length > 0);
    for (const line of lines) {
      assert.match(line, /^template\.yaml:\d+:\d+ error json-syntax Invalid YAML: /, line);
    }
    assert.match(r.stdout, /^template\.yaml:9:1 error json-syntax Invalid YAML: All mapping items must start at the same column$/m);
    assert.doesNotMatch(r.stdout, /missing-action|missing-resource|unknown-element|wrong-type/);
  });

  test('`iam-policy-lint ... | head -1` ends quietly (EPIPE): no stack trace', () => {
    // spawns: the subject is the process entry's handling of a closed pipe, and its exit status
    // 1,500 findings: a report of about 290 KB, over four times a pipe's 64 KiB, so the writes meet the closed pipe
    const many = Array.from({ length: 1500 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    fs.writeFileSync(path.join(tmp, 'many.policy.json'), policy(many));
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" --no-color many.policy.json | head -1; echo "status=\${PIPESTATUS[0]}" >&2`],
      { cwd: tmp, encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.match(r.stdout, /^many\.policy\.json:\d+:\d+ /);
    assert.equal(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('status='))
        .join('\n'),
      '',
      'nothing on stderr',
    );
    assert.match(r.stderr, /status=(0|1)\b/);
  });

  test('an explicit file that is not a policy: its one-line message and no "no problems" summary', async () => {
    fs.writeFileSync(path.join(tmp, 'package.json'), '{"name": "x"}');
    const r = await lint(['package.json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'iam-policy-lint: package.json: not an IAM policy (no Statement), CloudFormation template or Terraform file with policies\n',
    );
  });

  test('a 200 MB file gets a size-cap message and the other files are still reported', async () => {
    const big = path.join(tmp, 'big.policy.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no 200 MB on disk
    fs.writeFileSync(path.join(tmp, 'small.policy.json'), policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]));
    try {
      const r = await lint(['big.policy.json', 'small.policy.json']);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /^iam-policy-lint: big\.policy\.json: skipped: 200 MB is over the 16 MB limit \(--max-size <MB> raises it\)$/m,
      );
      assert.match(r.stdout, /^small\.policy\.json:\d+:\d+ /m, 'the other file is reported');
      assert.doesNotMatch(r.stdout, /no problems/);
      const usage = await lint(['--max-size', 'big', 'small.policy.json']);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--max-size must be a positive number of megabytes, not "big"/);
    } finally {
      fs.rmSync(big);
    }
  });

  test('a FIFO given as a file is skipped with a message (it would block forever)', (t) => {
    const fifo = path.join(tmp, 'pipe.policy.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      t.skip('mkfifo is not available');
      return;
    }
    fs.writeFileSync(path.join(tmp, 'ok.policy.json'), policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]));
    // spawns: reading a FIFO blocks the thread that reads it; a child that hangs is ended by the timeout, this process would not be
    const r = spawnCli(['pipe.policy.json', 'ok.policy.json', '/dev/null'], { cwd: tmp });
    assert.equal(r.signal, null, 'did not hang');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^iam-policy-lint: pipe\.policy\.json: skipped: a FIFO, not a regular file$/m);
    assert.match(r.stderr, /: skipped: a character device, not a regular file$/m);
    assert.match(r.stdout, /no problems in 1 checked file/);
    fs.rmSync(fifo);
  });

  test('an unreadable directory is an input error (exit 2), not "no problems in 0 files"', async (t) => {
    const dir = path.join(tmp, 'locked');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.policy.json'), policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]));
    fs.chmodSync(dir, 0o000);
    // root reads any directory: run the CLI as nobody then (the checkout must be readable to it)
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      fs.chmodSync(tmp, 0o755);
    }
    try {
      // the probe spawns the CLI as nobody: a checkout under a private directory (mktemp -d is 0700) is not readable to nobody
      const probe = asRoot ? spawnSync(process.execPath, [bin, '--version'], { uid: 65534, gid: 65534, cwd: tmp }) : undefined;
      if (probe && probe.status !== 0) {
        t.skip('cannot run the CLI as an unprivileged user here (is the checkout readable to nobody?)');
        return;
      }
      // spawns as root: only another process can run as an unprivileged user
      const r = asRoot ? spawnCli(['locked'], { cwd: tmp, uid: 65534 }) : await lint(['locked']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^iam-policy-lint: locked: cannot read directory: EACCES$/m);
      assert.doesNotMatch(r.stdout, /no problems/);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(tmp, 0o700);
    }
  });

  test('--fix changes only the bytes of its edits: invalid UTF-8 elsewhere is kept', async () => {
    // the same policy twice: once with a Latin-1 byte (0xE9, not UTF-8) in a Sid, once with "Q"
    const text = (sid: Buffer) =>
      Buffer.concat([
        Buffer.from('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Caf'),
        sid,
        Buffer.from(
          '",\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:GetObject",],\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}\n',
        ),
      ]);
    const latin1 = path.join(tmp, 'latin1.policy.json');
    const ascii = path.join(tmp, 'ascii.policy.json');
    fs.writeFileSync(latin1, text(Buffer.from([0xe9])));
    fs.writeFileSync(ascii, text(Buffer.from('Q')));
    await lint(['--fix', 'latin1.policy.json']);
    await lint(['--fix', 'ascii.policy.json']);
    const fixedAscii = fs.readFileSync(ascii);
    assert.notDeepEqual(fixedAscii, text(Buffer.from('Q')), 'the fixes were applied');
    assert.doesNotMatch(fixedAscii.toString(), /"s3:GetObject", "s3:GetObject"|,\]/);
    const expected = Buffer.from(fixedAscii.toString('latin1').replace('CafQ', 'Caf\u00e9'), 'latin1');
    assert.deepEqual(fs.readFileSync(latin1), expected, 'the same edits, and the 0xE9 byte as it was');
  });

  test('--fix runs to a fixed point: a second run changes nothing', async () => {
    const file = path.join(tmp, 'mergeable.policy.json');
    fs.writeFileSync(
      file,
      policy(Array.from({ length: 8 }, (_, i) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket${i}/*` }))),
    );
    const first = await lint(['--fix', 'mergeable.policy.json']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const once = fs.readFileSync(file, 'utf8');
    const statements = (JSON.parse(once) as { Statement: { Resource: string[] }[] }).Statement;
    assert.equal(statements.length, 1, 'all eight merged in one run');
    assert.deepEqual(
      statements[0].Resource,
      Array.from({ length: 8 }, (_, i) => `arn:aws:s3:::bucket${i}/*`),
    );
    const second = await lint(['--fix', 'mergeable.policy.json']);
    assert.doesNotMatch(second.stdout, /fixed/);
    assert.equal(fs.readFileSync(file, 'utf8'), once);
  });

  test('control characters from policy values and file names are escaped in everything printed', async () => {
    const name = 'evil\u001b]0;title\u0007.policy.json';
    fs.writeFileSync(path.join(tmp, name), policy([{ Effect: 'Allow', Action: 's3:GetObject\u001b[2J\u009b31m\u202e', Resource: '*' }]));
    for (const format of ['text', 'json', 'sarif']) {
      const r = await lint(['--format', format, name]);
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotMatch(
        r.stdout + r.stderr,
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
        `${format}: no raw control character`,
      );
      if (format === 'text') {
        assert.match(r.stdout, /^evil\\u001b\]0;title\\u0007\.policy\.json:\d+:\d+ /m);
        assert.match(r.stdout, /s3:GetObject\\u001b\[2J\\u009b31m\\u202e/);
      } else {
        assert.match(JSON.stringify(JSON.parse(r.stdout)), /s3:GetObject\\u001b\[2J/, `${format}: the value survives`);
      }
    }
    fs.writeFileSync(path.join(tmp, `x\u001b[31m.json`), '{"name": 1}');
    const r = await lint([`x\u001b[31m.json`, '--policy-type', 'identity']);
    assert.match(r.stderr, /x\\u001b\[31m\.json: /);
  });
});
