/**
 * iam-policy-lint on Terraform that reads its policies with file() / templatefile()
 * (test/fixtures/templatefile), the shipped bundle run in this process in the fixture's directory.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { suite, test } from 'node:test';
import { root, runCli } from './runCli';

const fixture = path.join(root, 'test', 'fixtures', 'templatefile');

const lint = (args: string[]) => runCli(args, { cwd: fixture });

suite('iam-policy-lint: Terraform file() and templatefile()', () => {
  test("the referenced files' findings at the calls; a missing file and a path out of the tree are errors", async () => {
    const r = await lint(['main.tf']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => l.startsWith('main.tf:')),
      [
        'main.tf:21:24 error element-not-allowed policies/trust.json.tpl:23: "Resource" is not supported in a role trust policy: the resource of a trust policy is the role itself.',
        'main.tf:21:24 error public-principal policies/trust.json.tpl:15: Principal "*" in a role trust policy without a limiting condition: any AWS identity can assume this role. Name the principals, or add aws:PrincipalOrgID / sts:ExternalId.',
        'main.tf:30:12 error unknown-action policies/deploy.json:7: "s3:PutObjekt" is not an Amazon S3 action, so it grants nothing. Did you mean "s3:PutObject"?',
        'main.tf:35:12 error check-failed could not check this policy: policies/missing.json was not found',
        'main.tf:40:12 error check-failed could not check this policy: ../../etc/passwd is outside the workspace: only policy files inside it are read',
      ],
    );
  });

  test('the template alone is read as a plain JSON policy, the JSON file too', async () => {
    const r = await lint(['policies/deploy.json']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^policies\/deploy\.json:7:34 error unknown-action "s3:PutObjekt"/m);
  });

  test('JSON output: the calls carry the file and line in the message', async () => {
    const r = await lint(['--format', 'json', 'main.tf']);
    const report = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; message: string }[] }[];
    assert.deepEqual(
      report[0].diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message.split(':').slice(0, 2).join(':')}`),
      [
        '21 element-not-allowed policies/trust.json.tpl:23',
        '21 public-principal policies/trust.json.tpl:15',
        '30 unknown-action policies/deploy.json:7',
        '35 check-failed could not check this policy: policies/missing.json was not found',
        '40 check-failed could not check this policy: ../../etc/passwd is outside the workspace',
      ],
    );
  });
});
