/**
 * iam-policy-lint simulate / diff / test as a user runs them: the shipped bundle run in this process
 * (runCli.ts) on files in a temporary directory.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { newPolicy, oldPolicy } from './accessPolicies';
import { root, runCli } from './runCli';

const embedded = path.join(root, 'test', 'fixtures', 'embedded');

let tmp: string;
const run = (args: string[], cwd = tmp) => runCli(args, { cwd });
const write = (name: string, value: unknown) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  return file;
};

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-access-'));
  write('old.json', oldPolicy);
  write('new.json', newPolicy);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

suite('iam-policy-lint simulate', () => {
  test('allowed: exit 0, the deciding statement with its file and line', async () => {
    const r = await run(['simulate', 'new.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::data/x']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^allowed: allowed by statement "Read" of new\.json\n/);
    assert.match(r.stdout, /Allow statement "Read" \(new\.json:4\): applies/);
  });

  test('explicit deny and the JSON shape', async () => {
    const r = await run(['simulate', 'new.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::logs/x', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { decision: string; deciding: string[]; statements: { statement: string; matched: boolean }[] };
    assert.equal(out.decision, 'explicitDeny');
    assert.deepEqual(out.deciding, ['statement "NoLogsWrite" (new.json:30)']);
    assert.deepEqual(
      out.statements.map((s) => [s.statement, s.matched]),
      [
        ['statement "Read" (new.json:4)', true],
        ['statement "NoLogsWrite" (new.json:30)', true],
      ],
    );
  });

  test('implicit deny explains which condition value failed; --context is typed by the operator', async () => {
    const r = await run([
      'simulate',
      'new.json',
      '--action',
      'ec2:StartInstances',
      '--resource',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
      '--context',
      'aws:ResourceTag/env=qa',
    ]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^implicitDeny: /);
    assert.match(r.stdout, /✗ StringEquals aws:ResourceTag\/env: aws:ResourceTag\/env "qa" matches none of "dev", "prod"/);
    const ok = await run([
      'simulate',
      'new.json',
      '--action',
      'ec2:StartInstances',
      '--resource',
      '*',
      '--context',
      'aws:ResourceTag/env=prod',
    ]);
    assert.equal(ok.code, 0);
  });

  test('an SCP on its own, with the identity policy assumed to allow', async () => {
    const r = await run([
      'simulate',
      '--scp',
      path.join(root, 'examples', 'deny-regions.scp.policy.json'),
      '--action',
      'ec2:RunInstances',
      '--context',
      'aws:RequestedRegion=ap-south-2',
      '--format',
      'json',
    ]);
    const out = JSON.parse(r.stdout) as { decision: string; assumed: string[] };
    assert.equal(out.assumed.length, 1);
    assert.ok(['explicitDeny', 'allowed', 'implicitDeny'].includes(out.decision));
  });

  test('policies inside a CloudFormation template and a Terraform file', async () => {
    const cfn = await run([
      'simulate',
      path.join(embedded, 'template.yaml'),
      '--action',
      's3:PutObject',
      '--resource',
      'arn:aws:s3:::app-bucket/key',
    ]);
    assert.equal(cfn.code, 0, cfn.stdout + cfn.stderr);
    assert.match(cfn.stdout, /template\.yaml:\d+, Resources\.AppRole\.Properties\.Policies\.0\.PolicyDocument/);
    const tf = await run(['simulate', path.join(embedded, 'main.tf'), '--action', 'iam:CreateUser', '--resource', '*']);
    assert.equal(tf.code, 1, tf.stdout + tf.stderr);
    assert.match(tf.stdout, /^implicitDeny/);
  });

  test('usage and input errors: exit 2 with a message', async () => {
    assert.equal((await run(['simulate', 'new.json'])).code, 2);
    const missing = await run(['simulate', 'nope.json', '--action', 's3:GetObject']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: cannot read/);
    assert.match((await run(['simulate', 'new.json', '--action', 'a', '--context', 'novalue'])).stderr, /key=value/);
  });
});

suite('iam-policy-lint diff', () => {
  test('text: grouped by service and access level, new resources, loosened conditions', async () => {
    const r = await run(['diff', 'old.json', 'new.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'new.json',
        '  + ec2 Write (1): StartInstances on *',
        '  + s3 Read (1): GetObject on arn:aws:s3:::logs/*',
        '  + s3 Write (1): PutObject on arn:aws:s3:::data/*',
        '  new resources: arn:aws:s3:::logs/*',
        '  loosened condition: ec2:StartInstances on * now also when aws:ResourceTag/env=prod',
        '3 access entries added, 0 removed in 1 policy',
        '',
      ].join('\n'),
    );
  });

  test('json: added and removed entries with action and resource; --fail-on-new-access', async () => {
    const r = await run(['diff', 'new.json', 'old.json', '--format', 'json', '--fail-on-new-access']);
    assert.equal(r.code, 0, 'narrowing adds nothing');
    const out = JSON.parse(r.stdout) as { added: unknown[]; removed: { action: string; resource: string; kind: string }[] };
    assert.deepEqual(out.added, []);
    assert.deepEqual(
      out.removed.map((e) => [e.action, e.resource, e.kind]),
      [
        ['ec2:StartInstances', '*', 'condition'],
        ['s3:GetObject', 'arn:aws:s3:::logs/*', 'resource'],
        ['s3:PutObject', 'arn:aws:s3:::data/*', 'action'],
      ],
    );
    assert.equal((await run(['diff', 'old.json', 'new.json', '--fail-on-new-access'])).code, 1);
  });

  test('markdown for a pull-request comment', async () => {
    const r = await run(['diff', 'old.json', 'new.json', '--format', 'markdown']);
    assert.match(r.stdout, /^## IAM access changes\n/);
    assert.match(r.stdout, /\| ➕ \| s3 \| Write \| PutObject \| arn:aws:s3:::data\/\* \|/);
    assert.match(r.stdout, /\*\*Loosened conditions:\*\*\n- ec2:StartInstances on \* now also when aws:ResourceTag\/env=prod/);
  });

  test('--base <git-ref>: changed JSON policies and templates against the ref', async () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, 'policies'), { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
      });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'policies', 'app.json'), JSON.stringify(oldPolicy));
    fs.copyFileSync(path.join(embedded, 'template.yaml'), path.join(repo, 'template.yaml'));
    fs.writeFileSync(path.join(repo, 'README.md'), 'not a policy');
    git('add', '.');
    git('commit', '-qm', 'base');
    fs.writeFileSync(path.join(repo, 'policies', 'app.json'), JSON.stringify(newPolicy));
    const template = fs.readFileSync(path.join(repo, 'template.yaml'), 'utf8').replace('Action: iam:PassRole', 'Action: iam:*');
    fs.writeFileSync(path.join(repo, 'template.yaml'), template);
    fs.writeFileSync(
      path.join(repo, 'policies', 'new-policy.json'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }),
    );
    const r = await run(['diff', '--base', 'HEAD', '--format', 'json', '--fail-on-new-access'], repo);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { added: { file: string; policy?: string; action: string }[] };
    const files = [...new Set(out.added.map((e) => `${e.file}${e.policy ? `#${e.policy}` : ''}`))].sort();
    assert.deepEqual(files, [
      'policies/app.json',
      'policies/new-policy.json',
      'template.yaml#Resources.AppRole.Properties.Policies.0.PolicyDocument',
    ]);
    assert.ok(out.added.some((e) => e.action === 'iam:CreateUser'));
    assert.ok(out.added.some((e) => e.action === 'sqs:SendMessage'));
    const scoped = await run(['diff', '--base', 'HEAD', 'policies/app.json'], repo);
    assert.doesNotMatch(scoped.stdout, /template\.yaml|new-policy/);
    assert.equal((await run(['diff', '--base', 'no-such-ref'], repo)).code, 2);
  });
});

suite('iam-policy-lint test', () => {
  test('passing expectations: exit 0', async () => {
    write('suite-ok/.iampolicy.json', {
      accessTests: [
        {
          name: 'app',
          policy: '../new.json',
          allows: [
            { action: 's3:GetObject', resource: 'arn:aws:s3:::logs/today.log' },
            { action: 'ec2:StartInstances', resource: '*', context: { 'aws:ResourceTag/env': 'prod' } },
          ],
          denies: [
            { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/x' },
            { action: 'ec2:StartInstances', resource: '*' },
          ],
          neverGrants: [{ actions: ['iam:*', 's3:Delete*'], resources: ['*'] }],
        },
      ],
    });
    const r = await run(['test'], path.join(tmp, 'suite-ok'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✔ 5 access tests passed\n$/);
  });

  test('a failing expectation names the deciding statement; exit 1', async () => {
    const config = write('suite-fail/.iampolicy.json', {
      accessTests: [
        { name: 'no writes to data', policy: '../new.json', neverGrants: [{ actions: ['s3:Put*'], resources: ['arn:aws:s3:::data/*'] }] },
        { name: 'logs writable', policy: '../new.json', allows: [{ action: 's3:PutObject', resource: 'arn:aws:s3:::logs/a' }] },
        { name: 'data private', policy: '../new.json', denies: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::data/a' }] },
      ],
    });
    const r = await run(['test', '--config', config, '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { passed: number; failed: number; results: { test: string; passed: boolean; message: string }[] };
    assert.deepEqual([out.passed, out.failed], [0, 3]);
    assert.match(out.results[0].message, /^grants s3:PutObject on arn:aws:s3:::data\/\*: allowed by statement "Read" \(.*new\.json:4\)/);
    assert.match(out.results[1].message, /^explicitDeny: explicitly denied by statement "NoLogsWrite"/);
    assert.match(out.results[2].message, /^allowed by statement "Read"/);
    const text = await run(['test', '--config', config]);
    assert.match(text.stdout, /✗ no writes to data: .*new\.json never grants s3:Put\* on arn:aws:s3:::data\/\*\n {4}grants s3:PutObject/);
    assert.match(text.stdout, /✖ 3 of 3 access tests failed\n$/);
  });

  test('a malformed configuration is an input error', async () => {
    const config = write('suite-bad/.iampolicy.json', { accessTests: [{ name: 'x', policy: '../new.json', allows: [{ resource: '*' }] }] });
    const r = await run(['test', '--config', config]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /accessTests\[0\]\.allows must be an array of requests, each with an "action"/);
    assert.equal((await run(['test'], os.tmpdir())).code, 2);
  });
});
