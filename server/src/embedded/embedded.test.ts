import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { analyzeFile, type PolicyFile } from '../policy/policyFile';
import { runRules } from '../rules/engine';
import { spanOf } from '../features/diagnostics/diagnostics';
import { testCatalog } from '../testing/fixtures';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { keepSafeEdits } from '../features/codeActions/editGuard';
import { createEmbeddedExtractor } from '.';
import { extractTerraform } from './terraform';

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
    assert.deepEqual(
      noise.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
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
          Properties: {
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: { 'Fn::If': ['IsProd', 'Deny', 'Allow'] }, Action: 's3:GetObject', Resource: { Ref: 'BucketArn' } }],
            },
          },
        },
      },
    });
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: false, embedded });
    const findings = runRules(file.policies[0].policy, testCatalog()).findings;
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'wrong-type').map((f) => f.message),
      [],
    );
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

  test('syntax errors: skipping the subtrees without one finds what a walk of every node finds', () => {
    const parser = terraformParser()!;
    type SyntaxNode = NonNullable<ReturnType<typeof parser.parse>>['rootNode'];
    // the plain walk: every node, in document order, at most 20
    const reference = (root: SyntaxNode) => {
      const out: { offset: number; length: number; message: string }[] = [];
      const stack = [root];
      while (stack.length > 0 && out.length < 20) {
        const n = stack.pop()!;
        if (n.type === 'ERROR' || n.isMissing) {
          const message = n.isMissing ? `Terraform syntax: missing ${n.type}.` : 'Terraform syntax error.';
          out.push({ offset: n.startIndex, length: Math.max(1, n.endIndex - n.startIndex), message });
          continue;
        }
        stack.push(...n.children.filter((c) => c !== null).reverse());
      }
      return out;
    };
    let x = 3;
    const rand = (n: number) => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x % n;
    };
    let withErrors = 0;
    let missing = 0;
    for (const name of ['main.tf', 'providers.tf', 'comments.tf', 'quoted.tf']) {
      const base = read(name);
      for (let k = 0; k < 8; k++) {
        let text = base;
        for (let e = 0; e <= rand(3); e++) {
          const at = rand(text.length);
          text = text.slice(0, at) + '{}[]"=,('[rand(8)] + text.slice(at + rand(2));
        }
        const tree = parser.parse(text)!;
        try {
          const expected = reference(tree.rootNode);
          const found = extractTerraform(tree, text)
            .tree.errors.filter((e) => e.message.startsWith('Terraform syntax'))
            .map((e) => ({ offset: e.offset, length: e.length, message: e.message }));
          assert.deepEqual(found, expected, text);
          withErrors += expected.length > 0 ? 1 : 0;
          missing += expected.filter((e) => e.message.includes('missing')).length;
        } finally {
          tree.delete();
        }
      }
    }
    assert.ok(withErrors > 16 && missing > 0, `${withErrors} broken texts, ${missing} missing nodes`);
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
    assert.ok(
      findings[2].findings.some((f) => f.ruleId === 'public-principal'),
      findings[2].findings.map((f) => f.ruleId).join(),
    );
    const noise = findings
      .flatMap((x) => x.findings)
      .filter((f) => ['wrong-type', 'invalid-arn', 'json-syntax', 'missing-effect', 'missing-version'].includes(f.ruleId));
    assert.deepEqual(
      noise.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  test('broken HCL never throws', () => {
    const file = analyzeFile('resource "aws_iam_policy" "x" {\n  policy = jsonencode({ Statement = [ {', {
      languageId: 'terraform',
      matchesPolicyGlob: false,
      embedded,
    });
    assert.ok(Array.isArray(file.policies));
  });
});

/** Every finding of a file as `policy path: rule "text under it"`, the shape a reviewer reads. */
function findingsOf(name: string, languageId: string): string[] {
  const text = read(name);
  const file = analyzeFile(text, { languageId, matchesPolicyGlob: false, embedded });
  return file.policies.flatMap((p) =>
    runRules(p.policy, testCatalog()).findings.map((f) => {
      const span = spanOf(f, file.tree.root, p.basePath, text);
      return `${p.basePath.join('.')}: ${f.ruleId} ${text.slice(span.offset, span.offset + span.length)}`;
    }),
  );
}

suite('Terraform as written in the wild', () => {
  before(async () => {
    assert.ok(await loadTerraformParser((e) => assert.fail(String(e))));
  });

  test('a file that starts with comments (#, //, /* */) is read, comments anywhere', () => {
    const { file } = analyze('comments.tf', 'terraform');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType]),
      [
        ['aws_iam_role.ci.assume_role_policy', 'trust'],
        ['aws_iam_role.ci.inline_policy.0.policy', 'identity'],
      ],
    );
    const found = findingsOf('comments.tf', 'terraform');
    assert.ok(found.includes('aws_iam_role.ci.inline_policy.0.policy: unknown-action "s3:PutObjct"'), found.join('\n'));
    assert.ok(
      found.some((f) => f.startsWith('aws_iam_role.ci.assume_role_policy: oidc-trust-without-sub')),
      found.join('\n'),
    );
    assert.deepEqual(file.tree.errors, []);
  });

  test('every policy argument of the AWS provider, typed by its resource', () => {
    const { file } = analyze('providers.tf', 'terraform');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType, p.policy.container.resourceType ?? '']),
      [
        ['aws_s3_bucket.legacy.policy', 'resource', 'AWS::S3::Bucket'],
        ['aws_ssoadmin_permission_set_inline_policy.dev.inline_policy', 'identity', ''],
        ['aws_vpc_endpoint.s3.policy', 'resource', ''],
        ['aws_vpc_endpoint_policy.dynamodb.policy', 'resource', ''],
        ['aws_api_gateway_rest_api_policy.private.policy', 'resource', ''],
        ['aws_ecr_registry_policy.replication.policy', 'resource', ''],
        // aws_codeartifact_domain_permissions_policy.domain refers to a data source: nothing to read there
        ['aws_codeartifact_repository_permissions_policy.repo.policy_document', 'resource', ''],
        ['aws_glue_resource_policy.catalog.policy', 'resource', ''],
        ['aws_dynamodb_resource_policy.orders.policy', 'resource', 'AWS::DynamoDB::Table'],
        ['aws_kinesis_resource_policy.stream.policy', 'resource', ''],
        ['aws_networkfirewall_resource_policy.shared.policy', 'resource', ''],
        ['aws_s3_bucket_policy.express.policy', 'resource', ''],
        // the TAG_POLICY is not an IAM policy; the RCP is
        ['aws_organizations_policy.rcp.content', 'rcp', ''],
      ],
    );
    const found = findingsOf('providers.tf', 'terraform');
    for (const expected of [
      'aws_s3_bucket.legacy.policy: unknown-action "s3:GetObjct"',
      'aws_s3_bucket.legacy.policy: public-principal "*"',
      'aws_ssoadmin_permission_set_inline_policy.dev.inline_policy: passrole-star "iam:PassRole"',
      'aws_vpc_endpoint.s3.policy: unknown-action "s3:ListBuckt"',
      'aws_vpc_endpoint_policy.dynamodb.policy: unknown-action "dynamodb:GetItm"',
      'aws_api_gateway_rest_api_policy.private.policy: unknown-action "execute-api:Invok"',
      'aws_ecr_registry_policy.replication.policy: unknown-action "ecr:ReplicateImag"',
      'aws_codeartifact_repository_permissions_policy.repo.policy_document: unknown-action "codeartifact:ReadFromRepositoryy"',
      'aws_glue_resource_policy.catalog.policy: unknown-action "glue:GetTabel"',
      'aws_dynamodb_resource_policy.orders.policy: public-principal "*"',
      'aws_kinesis_resource_policy.stream.policy: unknown-action "kinesis:GetRecord"',
      'aws_networkfirewall_resource_policy.shared.policy: unknown-action "network-firewall:AssociateFirewallPolicyy"',
      'aws_s3_bucket_policy.express.policy: unknown-action "s3express:CreateSessio"',
    ]) {
      assert.ok(found.includes(expected), `${expected}\nin\n${found.join('\n')}`);
    }
    assert.deepEqual(
      found.filter((f) => / (wrong-type|invalid-arn|json-syntax|missing-version|missing-effect)/.test(f)),
      [],
    );
  });

  test('OpenTofu files (.tofu) are HCL', () => {
    const found = findingsOf('main.tofu', 'opentofu');
    assert.deepEqual(found.sort(), [
      'aws_sqs_queue_policy.jobs.policy: public-principal "*"',
      'aws_sqs_queue_policy.jobs.policy: unknown-action "sqs:SendMesage"',
    ]);
  });

  test('Terraform JSON (.tf.json): policy strings with exact spans, and aws_iam_policy_document', () => {
    const { file } = analyze('main.tf.json', 'json');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType]),
      [
        ['aws_iam_policy.reader.policy', 'identity'],
        ['aws_s3_bucket_policy.site.policy', 'resource'],
        ['data.aws_iam_policy_document.assume', 'resource'],
      ],
    );
    const found = findingsOf('main.tf.json', 'json');
    for (const expected of [
      'aws_iam_policy.reader.policy: unknown-action \\"s3:GetObjct\\"',
      'aws_iam_policy.reader.policy: passrole-star \\"iam:PassRole\\"',
      'aws_s3_bucket_policy.site.policy: public-principal \\"*\\"',
      'data.aws_iam_policy_document.assume: unknown-action "sts:AssumeRol"',
    ]) {
      assert.ok(found.includes(expected), `${expected}\nin\n${found.join('\n')}`);
    }
    // "${aws_s3_bucket.site.arn}/*" is Terraform's, not an ARN error
    assert.deepEqual(
      found.filter((f) => / (wrong-type|invalid-arn|json-syntax)/.test(f)),
      [],
    );
  });
});

suite('CloudFormation as written in the wild', () => {
  test('JSON in YAML strings: block scalars, !Sub | with ${AWS::AccountId}, !Join of literal parts', () => {
    const found = findingsOf('strings.yaml', 'yaml');
    for (const expected of [
      'Resources.Role.Properties.AssumeRolePolicyDocument: unknown-action "sts:AssumeRol"',
      'Resources.Role.Properties.Policies.0.PolicyDocument: unknown-action "s3:GetObjct"',
      'Resources.Q.Properties.PolicyDocument: unknown-action "sqs:SendMessag"',
      'Resources.Q.Properties.PolicyDocument: public-principal "*"',
    ]) {
      assert.ok(found.includes(expected), `${expected}\nin\n${found.join('\n')}`);
    }
    // ${Bucket}, ${AWS::AccountId} and the !GetAtt part are computed; ${!aws:username} is a policy variable
    assert.deepEqual(
      found.filter((f) => / (wrong-type|json-syntax|unknown-element)/.test(f) || (/ invalid-arn/.test(f) && !f.includes('BucketParam'))),
      [],
    );
  });

  test('Fn::If / !If: each branch is a candidate, no false missing-* or unknown-element, plain values still checked', () => {
    const yaml = findingsOf('strings.yaml', 'yaml');
    const json = findingsOf('conditions.json', 'json');
    for (const expected of [
      'Resources.Role.Properties.Policies.1.PolicyDocument: unknown-action s3:GetObjectt',
      'Resources.Role.Properties.Policies.1.PolicyDocument: passrole-star iam:PassRole',
      // a parameter's name written where !Ref was meant is not an ARN
      'Resources.Role.Properties.Policies.1.PolicyDocument: invalid-arn BucketParam',
      'Resources.Repo.Properties.RepositoryPolicyText.1: public-principal "*"',
      'Resources.Repo.Properties.RepositoryPolicyText.2: unknown-action ecr:BatchGetImagee',
    ]) {
      assert.ok(yaml.includes(expected), `${expected}\nin\n${yaml.join('\n')}`);
    }
    for (const expected of [
      'Resources.AppPolicy.Properties.PolicyDocument: unknown-action "s3:GetObjct"',
      'Resources.AppPolicy.Properties.PolicyDocument: service-wildcard "logs:*"',
      'Resources.AppPolicy.Properties.PolicyDocument: invalid-arn "BucketArnParam"',
      'Resources.TopicPolicy.Properties.PolicyDocument.Fn::If.2: unknown-action "sns:Publsh"',
      'Resources.TopicPolicy.Properties.PolicyDocument.Fn::If.2: public-principal "*"',
      'Resources.Repo.Properties.RepositoryPolicyText: unknown-action \\"ecr:BatchGetImag\\"',
    ]) {
      assert.ok(json.includes(expected), `${expected}\nin\n${json.join('\n')}`);
    }
    const noise = [...yaml, ...json].filter((f) =>
      / (missing-action|missing-effect|missing-resource|unknown-element|wrong-type|duplicate-sid|json-syntax) /.test(f),
    );
    assert.deepEqual(noise, []);
  });
});

suite('Terraform memory', () => {
  before(async () => {
    assert.ok(await loadTerraformParser((e) => assert.fail(String(e))));
  });

  // 15 edits by default: the unfixed reader (no tree.delete()) held 64 MB more after them, a freeing
  // one holds nothing more (measured: 0 MB after 40); IAM_POLICY_SOAK_EDITS=5000 for a long soak
  const edits = Number(process.env.IAM_POLICY_SOAK_EDITS ?? 15);
  test(`${edits} edits of a 50 KB .tf keep WebAssembly memory flat (trees are freed)`, () => {
    const base = read('providers.tf');
    let text = base;
    while (text.length < 50_000) {
      text += base.replace(/resource "(\w+)" "(\w+)"/g, (_, t: string, n: string) => `resource "${t}" "${n}_${text.length}"`);
    }
    const measure = () => process.memoryUsage().external;
    // warm up: the first parses size the WebAssembly heap
    for (let i = 0; i < 5; i++) {
      analyzeFile(text + `# ${i}\n`, { languageId: 'terraform', matchesPolicyGlob: false, embedded });
    }
    const start = measure();
    let policies = 0;
    for (let i = 0; i < edits; i++) {
      // a one-character edit somewhere in the file, as typing does
      const at = (i * 7919) % text.length;
      const edited = text.slice(0, at) + (i % 2 ? ' ' : '\n') + text.slice(at);
      policies += analyzeFile(edited, { languageId: 'terraform', matchesPolicyGlob: false, embedded }).policies.length;
    }
    const growth = measure() - start;
    assert.ok(policies > edits, 'the edits were analysed');
    // without freeing, each parse of 50 KB keeps about 4 MB: 15 edits hold 64 MB
    assert.ok(growth < 32 * 1024 * 1024, `WebAssembly memory grew by ${(growth / 1048576).toFixed(1)} MB`);
  });
});

suite('edits on policies written as strings', () => {
  const action = (document: TextDocument, from: string, newText: string): CodeAction => {
    const at = document.getText().indexOf(from);
    return {
      title: 'fix',
      edit: {
        changes: { [document.uri]: [{ range: { start: document.positionAt(at), end: document.positionAt(at + from.length) }, newText }] },
      },
    };
  };

  test('inside an escaped JSON string no edit is offered; inside a YAML block one-line edits are', () => {
    const json = read('conditions.json');
    const jsonFile = analyzeFile(json, { languageId: 'json', matchesPolicyGlob: false, embedded });
    const jsonDoc = TextDocument.create('file:///t.json', 'json', 1, json);
    assert.equal(jsonFile.policies[0].policy.container.stringEncoding, 'escaped');
    assert.deepEqual(keepSafeEdits([action(jsonDoc, '\\"ecr:BatchGetImag\\"', '"ecr:BatchGetImage"')], jsonFile, jsonDoc), []);
    // the plain object policies of the same template keep their fixes
    assert.equal(keepSafeEdits([action(jsonDoc, '"s3:GetObjct"', '"s3:GetObject"')], jsonFile, jsonDoc).length, 1);

    const yaml = read('strings.yaml');
    const yamlFile = analyzeFile(yaml, { languageId: 'yaml', matchesPolicyGlob: false, embedded });
    const yamlDoc = TextDocument.create('file:///t.yaml', 'yaml', 1, yaml);
    assert.equal(yamlFile.policies[0].policy.container.stringEncoding, 'verbatim');
    assert.equal(keepSafeEdits([action(yamlDoc, '"sts:AssumeRol"', '"sts:AssumeRole"')], yamlFile, yamlDoc).length, 1);
    assert.deepEqual(keepSafeEdits([action(yamlDoc, '"sts:AssumeRol"', '"sts:AssumeRole",\n"sts:TagSession"')], yamlFile, yamlDoc), []);
  });
});

suite('Terraform: JSON in a quoted string', () => {
  test('policy = "{\\"Version\\": …}": findings inside the string, interpolations are values, typed by the argument', async () => {
    await loadTerraformParser();
    const { text, file } = analyze('quoted.tf', 'terraform');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType, p.policy.container.stringEncoding]),
      [
        ['aws_iam_policy.legacy.policy', 'identity', 'escaped'],
        ['aws_iam_role.worker.assume_role_policy', 'trust', 'escaped'],
      ],
    );
    assert.deepEqual(spanText(text, file, 0, 'unknown-action'), ['\\"s3:GetObjct\\"']);
    const all = file.policies.flatMap((p) => runRules(p.policy, testCatalog()).findings.map((f) => f.ruleId));
    assert.deepEqual(all, ['unknown-action']);
  });
});

test('Terraform: a name being typed alone on a line still leaves the policies readable, and is reported', async () => {
  await loadTerraformParser();
  const text = '# Reports\ndata "aws_iam_policy_document" "r" {\n  statement {\n    actions = ["s3:GetObjct"]\n    reso\n  }\n}\n';
  const file = analyzeFile(text, { languageId: 'terraform', matchesPolicyGlob: false, embedded });
  assert.equal(file.policies.length, 1);
  assert.ok(file.tree.errors.length > 0, 'the half-typed word is a syntax error');
  assert.ok(runRules(file.policies[0].policy, testCatalog()).findings.some((f) => f.ruleId === 'unknown-action'));
});

suite('Serverless Framework', () => {
  test('provider.iam.role.statements, provider.iamRoleStatements and function-level iamRoleStatements', () => {
    const { file } = analyze('serverless.yml', 'yaml');
    assert.deepEqual(
      file.policies.map((p) => [p.basePath.join('.'), p.policy.policyType, p.policy.statements.length]),
      [
        ['provider.iam.role.statements', 'identity', 2],
        ['provider.iamRoleStatements', 'identity', 1],
        ['functions.worker.iamRoleStatements', 'identity', 1],
      ],
    );
    const found = findingsOf('serverless.yml', 'yaml');
    for (const expected of [
      'provider.iam.role.statements: unknown-action dynamodb:PutItm',
      'provider.iam.role.statements: service-wildcard s3:*',
      'provider.iamRoleStatements: passrole-star iam:PassRole',
      'functions.worker.iamRoleStatements: unknown-action sqs:ReceiveMesage',
    ]) {
      assert.ok(found.includes(expected), `${expected}\nin\n${found.join('\n')}`);
    }
    // !GetAtt, ${self:...}, ${aws:region} and ${aws:accountId} are computed; no Version is written
    assert.deepEqual(
      found.filter((f) => / (wrong-type|invalid-arn|missing-version|policy-variable|variable-requires-version)/.test(f)),
      [],
    );
  });

  test('a YAML file with a provider but no statements is not a policy', () => {
    const file = analyzeFile('service: x\nprovider:\n  name: aws\n', { languageId: 'yaml', matchesPolicyGlob: false, embedded });
    assert.equal(file.isPolicy, false);
  });
});
