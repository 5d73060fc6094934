/**
 * iam-policy-lint on the managed-policy fixtures (test/fixtures/managed): the lines a user reads, the
 * exit code, --fix, JSON output; the shipped bundle run in this process.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite, test } from 'node:test';
import { runCli } from './runCli';

const lint = (args: string[]) => runCli(args);

const managedLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => / (unknown|broad)-managed-policy /.test(l))
    .map((l) => l.split(' ').slice(0, 4).join(' '));

suite('iam-policy-lint: AWS managed policies by ARN', () => {
  test('Terraform: every attachment checked, exit 1 for the unknown names', async () => {
    const r = await lint(['test/fixtures/managed/main.tf']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(managedLines(r.stdout), [
      'test/fixtures/managed/main.tf:23:77 warning broad-managed-policy PowerUserAccess',
      'test/fixtures/managed/main.tf:28:41 error unknown-managed-policy "CloudWatchReadOnlyAcess"',
      'test/fixtures/managed/main.tf:33:41 warning broad-managed-policy IAMFullAccess',
      'test/fixtures/managed/main.tf:39:41 error unknown-managed-policy "AWSLambdaBasicExecutionRole"',
      'test/fixtures/managed/main.tf:45:49 warning broad-managed-policy AdministratorAccess',
    ]);
    assert.match(
      r.stdout,
      /^test\/fixtures\/managed\/main\.tf:39:41 error unknown-managed-policy "AWSLambdaBasicExecutionRole" is not an AWS managed policy: AWSLambdaBasicExecutionRole is under the path \/service-role\/ \(arn:aws:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole\)\.$/m,
    );
    assert.match(
      r.stdout,
      /^test\/fixtures\/managed\/main\.tf:33:41 warning broad-managed-policy IAMFullAccess grants all \d+ IAM permissions-management actions on every resource: its holder can give itself any permission\. Attach only what this principal needs, for example "IAMReadOnlyAccess" \(or a customer managed policy with the actions it uses\)\.$/m,
    );
  });

  test('CloudFormation, SAM and Serverless files, in JSON output', async () => {
    const r = await lint([
      '--format',
      'json',
      'test/fixtures/managed/template.yaml',
      'test/fixtures/managed/template.json',
      'test/fixtures/managed/serverless.yml',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { file: string; diagnostics: { ruleId: string; line: number; column: number }[] }[];
    const got = report.flatMap((f) =>
      f.diagnostics
        .filter((p) => p.ruleId.endsWith('managed-policy'))
        .map((p) => `${path.basename(f.file)}:${p.line}:${p.column} ${p.ruleId}`),
    );
    assert.deepEqual(got.sort(), [
      'serverless.yml:11:36 unknown-managed-policy',
      'serverless.yml:16:35 broad-managed-policy',
      'template.json:15:86 broad-managed-policy',
      'template.json:23:56 unknown-managed-policy',
      'template.yaml:18:11 unknown-managed-policy',
      'template.yaml:33:35 unknown-managed-policy',
      'template.yaml:51:55 broad-managed-policy',
      'template.yaml:52:70 broad-managed-policy',
    ]);
  });

  test('Japanese messages', async () => {
    const r = await lint(['--locale', 'ja', 'test/fixtures/managed/serverless.yml']);
    assert.match(
      r.stdout,
      /"AmazonS3FullAcess" は AWS 管理ポリシーではないため、アタッチに失敗します。"AmazonS3FullAccess" ではありませんか\?/,
    );
    assert.match(r.stdout, /AdministratorAccess はすべてのリソースに対するすべてのアクションを許可します/);
    const tf = await lint(['--locale', 'ja', 'test/fixtures/managed/main.tf']);
    assert.match(tf.stdout, /PowerUserAccess は iam:\*, organizations:\*, account:\* を除くすべてのサービスのすべてのアクションを/);
    assert.match(tf.stdout, /"CloudWatchReadOnlyAccess" ではありませんか\?/);
  });
});

suite('iam-policy-lint: a managed-policy index that cannot be read', () => {
  test('fails closed: the reference rules report that the check failed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-mp-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.bin'), 'IMP1garbage');
      const r = await runCli(['test/fixtures/managed/serverless.yml'], {
        env: { IAM_POLICY_MANAGED_POLICIES: path.join(dir, 'broken.bin') },
      });
      assert.notEqual(r.code, 0);
      assert.match(r.stdout, /check-failed .*unknown-managed-policy/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
