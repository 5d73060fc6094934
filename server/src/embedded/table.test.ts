/** The README's table of embedded policy locations is the one the code generates. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CDK_POLICY_SOURCES } from './cdk';
import { CLOUDFORMATION_MANAGED_POLICY_SLOTS, CLOUDFORMATION_SLOTS } from './cloudformation';
import { TERRAFORM_MANAGED_POLICY_ARGUMENTS } from './terraform';
import { embeddedPolicyTable, TABLE_START, withEmbeddedTable } from './table';
import { TERRAFORM_POLICY_ARGUMENTS } from './terraformResources';

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

test('README lists every CloudFormation property and Terraform argument read (run node scripts/embedded-table.mjs)', () => {
  assert.ok(readme.includes(TABLE_START), 'README has the table markers');
  assert.equal(withEmbeddedTable(readme), readme);
});

test('the table has a row per location', () => {
  const rows = embeddedPolicyTable()
    .split('\n')
    .filter((l) => l.startsWith('| `'));
  const count =
    Object.values(CLOUDFORMATION_SLOTS).flat().length +
    Object.values(TERRAFORM_POLICY_ARGUMENTS).flat().length +
    1 +
    CDK_POLICY_SOURCES.length +
    Object.keys(CLOUDFORMATION_MANAGED_POLICY_SLOTS).length +
    Object.keys(TERRAFORM_MANAGED_POLICY_ARGUMENTS).length;
  assert.equal(rows.length, count);
  assert.ok(rows.some((r) => r.startsWith('| `aws_ssoadmin_permission_set_inline_policy` | `inline_policy` | identity')));
  assert.ok(rows.some((r) => r === '| `aws_iam_role_policy_attachment` | `policy_arn` |'));
  assert.ok(embeddedPolicyTable().includes('| AWS CDK | `iam.ManagedPolicy.fromAwsManagedPolicyName'));
  assert.ok(rows.some((r) => r.startsWith('| `AWS::S3::BucketPolicy` | `PolicyDocument` | resource (`AWS::S3::Bucket`)')));
  assert.ok(rows.some((r) => r === '| `x.addToResourcePolicy(statement)` | `x.add_to_resource_policy(statement)` | resource |'));
});
