/**
 * iam-policy-lint as a user runs it, on fixture files: the shipped bundle (dist/cli.js) run in
 * this process (runCli.ts), and the bin wrapper in a real process where the process is the subject.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { FAKE_CREDENTIALS_ENV, FakeAccessAnalyzer } from '../accessAnalyzer/fakeServer';
import { root, runCli, spawnCli, spawnCliAsync, type CliRun } from './runCli';

const examples = path.join(root, 'examples');
const embedded = path.join(root, 'test', 'fixtures', 'embedded');

const lint = (args: string[], options: CliRun = {}) => runCli(args, options);

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-lint-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

suite('bin/iam-policy-lint: the process', () => {
  // spawns: the subject is the bin wrapper and the process's exit status and streams
  test('the real process prints what the in-process run prints and exits with its status', async () => {
    const args = ['examples/broad-policy.json', 'examples/s3-read-one-bucket.policy.json'];
    const child = spawnCli(args);
    const inProcess = await lint(args);
    assert.equal(child.code, 1, child.stderr);
    assert.equal(child.code, inProcess.code);
    assert.equal(child.stdout, inProcess.stdout);
    assert.equal(child.stderr, inProcess.stderr);
    assert.match(child.stdout, /^examples\/broad-policy\.json:10:9 warning passrole-star /m);
  });
});

suite('iam-policy-lint: exit codes and text output', () => {
  test('a clean policy: exit 0 and a summary line', async () => {
    const r = await lint([path.join(examples, 's3-read-one-bucket.policy.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /✔ no problems in 1 file \(1 policy\)/);
  });

  test('findings: exit 1, compiler-style lines, a summary', async () => {
    const r = await lint(['examples/broad-policy.json']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^examples\/broad-policy\.json:10:9 warning passrole-star "iam:PassRole" lets/m);
    assert.match(r.stdout, /✖ \d+ problems \(0 errors, \d+ warnings, 1 info\) in 1 of 1 file/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when NO_COLOR is set');
  });

  test('colour: on when stdout is a terminal, off with NO_COLOR or --no-color, on with --color', async () => {
    const file = 'examples/broad-policy.json';
    const tty = await lint([file], { tty: true, env: { NO_COLOR: undefined } });
    assert.match(tty.stdout, /^\u001b\[1mexamples\/broad-policy\.json:10:9\u001b\[0m \u001b\[33mwarning\u001b\[0m /m);
    assert.doesNotMatch((await lint([file], { tty: true })).stdout, /\u001b\[/, 'NO_COLOR=1');
    assert.doesNotMatch((await lint(['--no-color', file], { tty: true, env: { NO_COLOR: undefined } })).stdout, /\u001b\[/);
    assert.match((await lint(['--color', file], { env: { NO_COLOR: undefined } })).stdout, /\u001b\[33mwarning/);
  });

  test('--severity error: warnings no longer fail the run', async () => {
    assert.equal((await lint(['--severity', 'error', 'examples/broad-policy.json'])).code, 0);
    assert.equal((await lint(['--severity', 'error', 'examples/mistakes-policy.json'])).code, 1);
  });

  test('usage and input errors: exit 2 with a one-line message; other files are still checked', async () => {
    const notPolicy = path.join(tmp, 'package.json');
    fs.writeFileSync(notPolicy, '{"name": "x"}');
    const r = await lint([notPolicy, path.join(tmp, 'missing.json'), 'examples/broad-policy.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /package\.json: not an IAM policy/);
    assert.match(r.stderr, /missing\.json: no such file/);
    assert.match(r.stdout, /broad-policy\.json:\d+:\d+ warning/, 'the good file was still linted');
    const usage = await lint(['--format', 'xml', 'x.json']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be text, json or sarif/);
    assert.equal((await lint([])).code, 2);
  });

  test('a catalog that cannot be read (IAM_POLICY_CATALOG): exit 2 with one message; the next run uses its own environment', async () => {
    const missing = path.join(tmp, 'no-catalog.jsonl');
    const r = await lint(['examples/broad-policy.json'], { env: { IAM_POLICY_CATALOG: missing } });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^iam-policy-lint: could not load the IAM catalog: (Error: )?The IAM catalog .*no-catalog\.jsonl is missing/);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
    assert.equal((await lint(['examples/broad-policy.json'])).code, 1, 'the shipped catalog again');
  });

  test('directories and globs; JSON files that are not policies are skipped in directories', async () => {
    const dir = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(dir, 'policies', 'node_modules'), { recursive: true });
    fs.copyFileSync(path.join(examples, 'broad-policy.json'), path.join(dir, 'policies', 'broad-policy.json'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions": {}}');
    fs.copyFileSync(path.join(examples, 'broad-policy.json'), path.join(dir, 'policies', 'node_modules', 'ignored-policy.json'));
    const r = await lint(['.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /in 1 of 1 file/);
    const g = await lint(['policies/**/*.json'], { cwd: dir });
    assert.match(g.stdout, /policies\/broad-policy\.json:/);
  });

  test('stdin', async () => {
    const r = await lint(['-', '--stdin-filename', 'piped.json'], {
      input: fs.readFileSync(path.join(examples, 'mistakes-policy.json'), 'utf8'),
    });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^piped\.json:8:9 error unknown-action/m);
  });

  test('a CloudFormation JSON template named on its own is read as a template, not as a policy', async () => {
    const r = await lint([path.join(embedded, 'template.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /template\.json:12:25 warning service-wildcard/);
    assert.doesNotMatch(r.stdout, /unknown-element|missing-statement/);
  });

  test('CloudFormation (YAML, JSON) and Terraform files', async () => {
    const r = await lint([embedded]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /template\.yaml:24:21 error unknown-action/);
    assert.match(r.stdout, /main\.tf:10:21 error unknown-action/);
    // Terraform that starts with comments, OpenTofu, Terraform JSON and Serverless are read too
    assert.match(r.stdout, /providers\.tf:\d+:\d+ error unknown-action "s3:GetObjct"/);
    assert.match(r.stdout, /main\.tofu:\d+:\d+ error unknown-action "sqs:SendMesage"/);
    assert.match(r.stdout, /main\.tf\.json:7:110 error unknown-action "s3:GetObjct"/);
    assert.match(r.stdout, /serverless\.yml:\d+:\d+ error unknown-action "dynamodb:PutItm"/);
    assert.match(r.stdout, /template\.json:\d+:\d+ warning service-wildcard/);
    // CDK apps: the literal's own position in TypeScript and Python; a TypeScript file without the CDK is not read
    assert.match(r.stdout, /app-stack\.ts:25:19 error unknown-action "s3:GetObjct"/);
    assert.match(r.stdout, /pipeline_stack\.py:28:26 error unknown-action "sqs:ReceiveMesage"/);
    assert.doesNotMatch(r.stdout, /util\.ts/);
  });
});

suite('iam-policy-lint: JSON and SARIF', () => {
  test('JSON lists files, policies and diagnostics with 1-based positions', async () => {
    const r = await lint(['--format', 'json', 'examples/mistakes-policy.json']);
    const [file] = JSON.parse(r.stdout) as {
      file: string;
      policies: { policyType: string }[];
      diagnostics: { line: number; column: number; ruleId: string; severity: string }[];
    }[];
    assert.equal(file.file, 'examples/mistakes-policy.json');
    assert.equal(file.policies[0].policyType, 'identity');
    assert.ok(file.diagnostics.some((d) => d.ruleId === 'unknown-action' && d.line === 8 && d.column === 9 && d.severity === 'error'));
  });

  test('SARIF 2.1.0 with what GitHub code scanning requires', async () => {
    const r = await lint(['--format', 'sarif', 'examples/mistakes-policy.json', 'examples/broad-policy.json']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: {
          driver: {
            name: string;
            rules: { id: string; helpUri: string; shortDescription: { text: string }; help: { markdown: string } }[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
            };
          }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'iam-policy-lint');
    const ids = run.tool.driver.rules.map((x) => x.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
      // no repository in package.json: the help link is the rule's page shipped in the package,
      // and code scanning shows that page itself (help.markdown) beside the alert
      assert.match(rule.helpUri, /^file:\/\/.*\/dist\/rules\/[a-z-]+\.md$/, rule.id);
      const page = fs.readFileSync(new URL(rule.helpUri), 'utf8');
      assert.equal(rule.help.markdown, page, rule.id);
    }
    assert.ok(run.results.length > 0);
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at its rule');
      assert.ok(['error', 'warning', 'note', 'none'].includes(res.level));
      assert.ok(res.message.text.length > 0);
      const { artifactLocation, region } = res.locations[0].physicalLocation;
      assert.match(artifactLocation.uri, /^examples\/[a-z-]+\.json$/, 'relative URI');
      for (const n of [region.startLine, region.startColumn, region.endLine, region.endColumn]) {
        assert.ok(Number.isInteger(n) && n >= 1, 'regions are 1-based');
      }
    }
  });
});

suite('iam-policy-lint: configuration and --fix', () => {
  test('.iampolicy.json sets rule severities and ignores for the files under it', async () => {
    const dir = path.join(tmp, 'configured');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(examples, 'broad-policy.json'), path.join(dir, 'broad-policy.json'));
    fs.writeFileSync(
      path.join(dir, '.iampolicy.json'),
      JSON.stringify({
        rules: { 'service-wildcard': 'error', 'resource-star': 'off' },
        ignore: { '**/broad-policy.json': ['passrole-star'] },
      }),
    );
    const r = await lint(['--format', 'json', 'broad-policy.json'], { cwd: dir });
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; severity: string }[] }[])[0].diagnostics;
    assert.equal(diagnostics.find((d) => d.ruleId === 'service-wildcard')?.severity, 'error');
    assert.ok(!diagnostics.some((d) => d.ruleId === 'resource-star' || d.ruleId === 'passrole-star'));
    fs.writeFileSync(path.join(dir, '.iampolicy.json'), '{ not json');
    const broken = await lint(['broad-policy.json'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /invalid configuration .*\.iampolicy\.json/);
  });

  test('--fix applies only the safe fixes and keeps the file valid', async () => {
    const file = path.join(tmp, 'fixme-policy.json');
    fs.writeFileSync(
      file,
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject",], "Resource": "arn:aws:s3:::b/*", "Condition": {}}\n  ]\n}\n',
    );
    const r = await lint(['--fix', file]);
    const after = fs.readFileSync(file, 'utf8');
    const policy = JSON.parse(after) as { Statement: { Action: string[]; Condition?: unknown }[] };
    assert.deepEqual(policy.Statement[0].Action, ['s3:Get*']);
    assert.equal(policy.Statement[0].Condition, undefined);
    assert.match(r.stdout, /fixed \d+ problems?/);
  });
});

suite('iam-policy-lint --access-analyzer', () => {
  const fake = new FakeAccessAnalyzer();
  before(() => fake.start());
  after(() => fake.stop());

  test('merges ValidatePolicy findings, sent to the endpoint given on the command line', async () => {
    const file = path.join(tmp, 'passrole-policy.json');
    fs.writeFileSync(
      file,
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}',
    );
    const env = {
      ...FAKE_CREDENTIALS_ENV,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    };
    // spawns: the AWS SDK reads its credentials from the process environment (FAKE_CREDENTIALS_ENV)
    const r = await spawnCliAsync(['--access-analyzer', '--endpoint', fake.url, '--format', 'json', file], { env });
    assert.equal(r.code, 1, r.stderr);
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; source: string; line: number }[] }[])[0].diagnostics;
    assert.ok(
      diagnostics.some((d) => d.ruleId === 'PASS_ROLE_WITH_STAR_IN_RESOURCE' && d.source === 'IAM Access Analyzer' && d.line === 9),
    );
    assert.ok(diagnostics.some((d) => d.ruleId === 'passrole-star'));
    assert.equal(fake.requests.length, 1);
  });
});

suite('iam-policy-lint --jobs', () => {
  test('worker threads give the same report, in the same file order, as one thread', async () => {
    const dir = path.join(tmp, 'jobs');
    fs.mkdirSync(dir, { recursive: true });
    const sources = fs.readdirSync(examples).filter((n) => n.endsWith('.json'));
    for (let i = 0; i < 120; i++) {
      const text = fs
        .readFileSync(path.join(examples, sources[i % sources.length]), 'utf8')
        .replace(/111122223333/g, String(100000000000 + i));
      fs.writeFileSync(path.join(dir, `p${String(i).padStart(3, '0')}-policy.json`), text);
    }
    const one = await lint(['--jobs', '1', '--format', 'json', dir]);
    const two = await lint(['--jobs', '2', '--format', 'json', dir], { env: { IAM_POLICY_LINT_STATS: '1' } });
    assert.equal(one.code, 1);
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
    assert.equal((JSON.parse(one.stdout) as unknown[]).length, 120);
    assert.equal((JSON.parse(two.stderr.trim().split('\n').pop()!) as { files: number }).files, 120);
  });

  test('a bad --jobs value is a usage error', async () => {
    const r = await lint(['--jobs', 'zero', examples]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--jobs must be a positive number or auto/);
  });
});
