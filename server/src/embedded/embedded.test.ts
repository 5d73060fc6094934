import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { analyzeFile, type PolicyFile } from '../policy/policyFile';
import { runRules } from '../rules/engine';
import { spanOf } from '../features/diagnostics/diagnostics';
import { testCatalog } from '../testing/fixtures';
import { createEmbeddedExtractor } from '.';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'embedded');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const embedded = createEmbeddedExtractor({ terraform: terraformParser });

function analyze(name: string, languageId: string) {
  const text = read(name);
  const file = analyzeFile(text, { languageId, matchesPolicyGlob: false, embedded });
  const findings = file.policies.map((p) => ({ policy: p, findings: runRules(p.policy, testCatalog()).findings }));
  return { text, file, findings };
}

/** The text under each finding of a rule, located through the model's node. */
function spanText(text: string, file: PolicyFile, policyIndex: number, ruleId: string): string[] {
  const p = file.policies[policyIndex];
  return runRules(p.policy, testCatalog())
    .findings.filter((x) => x.ruleId === ruleId)
    .map((f) => {
      const span = spanOf(f, file.tree.root, p.basePath, text);
      return text.slice(span.offset, span.offset + span.length);
    });
}

suite('CloudFormation and SAM templates', () => {
  test('YAML: every policy found, typed by where it sits', () => {
    const { file } = analyze('template.yaml', 'yaml');
    assert.ok(file.isPolicy);
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType]),
      [
        ['Resources.AppRole.Properties.AssumeRolePolicyDocument', 'trust'],
        ['Resources.AppRole.Properties.Policies.0.PolicyDocument', 'identity'],
        ['Resources.BucketPolicy.Properties.PolicyDocument', 'resource'],
        ['Resources.Function.Properties.Policies.1', 'identity'],
      ],
    );
  });

  test('YAML: findings point into the template; intrinsics are values, not errors', () => {
    const { text, file, findings } = analyze('template.yaml', 'yaml');
    assert.deepEqual(spanText(text, file, 1, 'unknown-action'), ['s3:GetObjct']);
    assert.ok(findings[1].findings.some((f) => f.ruleId === 'passrole-star'));
    assert.ok(findings[2].findings.some((f) => f.ruleId === 'public-principal'));
    const noise = findings.flatMap((x) => x.findings).filter((f) => ['wrong-type', 'invalid-arn', 'json-syntax'].includes(f.ruleId));
    assert.deepEqual(noise.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  test('JSON templates too, with Fn::Sub', () => {
    const { file, findings } = analyze('template.json', 'json');
    assert.equal(file.policies.length, 1);
    assert.ok(findings[0].findings.some((f) => f.ruleId === 'service-wildcard'));
    assert.ok(!findings[0].findings.some((f) => f.ruleId === 'wrong-type'));
  });

  test('any element the template computes is a value, not a type error', () => {
    const text = JSON.stringify({
      Resources: {
        P: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: { 'Fn::If': ['IsProd', 'Deny', 'Allow'] }, Action: 's3:GetObject', Resource: { Ref: 'BucketArn' } }] } },
        },
      },
    });
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: false, embedded });
    const findings = runRules(file.policies[0].policy, testCatalog()).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'wrong-type').map((f) => f.message), []);
  });

  test('YAML that is not a template is not a policy', () => {
    const file = analyzeFile('name: ci\non: push\n', { languageId: 'yaml', matchesPolicyGlob: false, embedded });
    assert.equal(file.isPolicy, false);
  });
});

suite('Terraform', () => {
  before(async () => {
    assert.ok(await loadTerraformParser((e) => assert.fail(String(e))));
  });

  test('jsonencode, heredoc and aws_iam_policy_document', () => {
    const { file } = analyze('main.tf', 'terraform');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType]),
      [
        ['aws_iam_policy.app.policy', 'identity'],
        ['aws_iam_role.lambda.assume_role_policy', 'trust'],
        ['data.aws_iam_policy_document.bucket', 'resource'],
      ],
    );
  });

  test('findings land on the HCL; interpolations are values', () => {
    const { text, file, findings } = analyze('main.tf', 'terraform');
    assert.deepEqual(spanText(text, file, 0, 'unknown-action'), ['"s3:GetObjct"']);
    assert.ok(findings[0].findings.some((f) => f.ruleId === 'passrole-star'));
    assert.ok(findings[2].findings.some((f) => f.ruleId === 'public-principal'), findings[2].findings.map((f) => f.ruleId).join());
    const noise = findings.flatMap((x) => x.findings).filter((f) => ['wrong-type', 'invalid-arn', 'json-syntax', 'missing-effect', 'missing-version'].includes(f.ruleId));
    assert.deepEqual(noise.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  test('broken HCL never throws', () => {
    const file = analyzeFile('resource "aws_iam_policy" "x" {\n  policy = jsonencode({ Statement = [ {', { languageId: 'terraform', matchesPolicyGlob: false, embedded });
    assert.ok(Array.isArray(file.policies));
  });
});
