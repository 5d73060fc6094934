/**
 * Issue 17, item 1: a crafted depth must not switch the checks off. The reproduction (a full-admin
 * statement next to a condition value nested 10,000 levels deep) is checked over stdio in JSON,
 * YAML and Terraform: full-admin is still reported, hover and code lenses still answer, and
 * where a parser cannot cope the document gets a visible "could not check" error, never silence.
 */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import { LspClient } from './harness';

const DEPTH = 10000;
const deepJson =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:x":' +
  '['.repeat(DEPTH) +
  ']'.repeat(DEPTH) +
  '}}}]}';

suite('LSP over stdio: fail closed on deep nesting (issue 17 item 1)', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  test('depth 10,000 in JSON: full-admin is still reported, and the deep part is named', async () => {
    const uri = 'file:///ws/deep.policy.json';
    client.open(uri, deepJson);
    const diagnostics = await client.diagnostics(uri);
    const codes = diagnostics.map((d) => String(d.code));
    assert.ok(codes.includes('full-admin'), `got ${codes.join(', ')}`);
    const deep = diagnostics.find((d) => d.code === 'json-syntax' && /more than 128 levels/.test(String(d.message)));
    assert.ok(deep, 'the too-deep value is reported');
    // the other features answer too
    const hover = await client.hover(uri, { line: 0, character: deepJson.indexOf('s3:GetObject') + 3 });
    assert.ok(hover, 'hover on the action');
    const lenses = await client.codeLenses(uri);
    assert.ok(lenses && lenses.length >= 2, 'a code lens per statement');
    assert.equal(client.stderr.join('').includes('Maximum call stack'), false);
  });

  test('depth 10,000 in YAML and Terraform: findings or a visible error, never an empty list', async () => {
    const yaml =
      'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: "*"\n            Resource: "*"\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: "*"\n            Condition:\n              StringEquals:\n                aws:x: ' +
      '['.repeat(DEPTH) +
      ']'.repeat(DEPTH) +
      '\n';
    const tf =
      'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_policy" "q" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*", Condition = { StringEquals = { "aws:x" = ' +
      '['.repeat(DEPTH) +
      ']'.repeat(DEPTH) +
      ' } } }]\n  })\n}\n';
    for (const [uri, text, languageId] of [
      ['file:///ws/deep.template.yaml', yaml, 'yaml'],
      ['file:///ws/deep/main.tf', tf, 'terraform'],
    ] as const) {
      client.open(uri, text, languageId);
      const diagnostics = await client.diagnostics(uri);
      const codes = diagnostics.map((d) => String(d.code));
      assert.ok(
        codes.includes('full-admin') ||
          diagnostics.some(
            (d) => d.code === 'check-failed' && d.severity === 1 && /^could not check this policy: /.test(String(d.message)),
          ),
        `${languageId}: got [${codes.join(', ')}]`,
      );
    }
  });
});
