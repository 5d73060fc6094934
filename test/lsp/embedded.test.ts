/** Policies inside CloudFormation (YAML) and Terraform, through the stdio server: diagnostics, hover, completion. */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { parse as parseYaml } from 'yaml';
import { itemsOf, type LspClient, positionAt } from './harness';
import { sharedServer } from './sharedServer';

const yaml = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObjct
                  - s3:GetOb
                Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
`;

const tf = `resource "aws_iam_policy" "app" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:PassRole", "s3:GetOb"]
      Resource = "*"
    }]
  })
}
`;

function applyCompletion(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit, `${item.label} has a textEdit`);
  let newText = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '');
  if (item.insertTextMode === 2) {
    // adjustIndentation, as VS Code applies it: new lines start at the edited line's indentation
    const lines = text.split('\n');
    const indent = /^\s*/.exec(lines[edit.range.start.line] ?? '')![0];
    newText = newText.replace(/\n/g, `\n${indent}`);
  }
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [{ range: edit.range, newText }]);
}

/** Completes at `|` in `template` and returns the whole text after applying the item labelled `label`. */
async function completeAt(client: LspClient, uri: string, languageId: string, template: string, label: string): Promise<string> {
  const offset = template.indexOf('|');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  client.open(uri, text, languageId);
  const items = itemsOf(await client.complete(uri, positionAt(text, offset)));
  const item = items.find((i) => i.label === label);
  assert.ok(
    item,
    `${label} in ${items
      .slice(0, 8)
      .map((i) => i.label)
      .join(', ')}`,
  );
  return applyCompletion(text, item);
}

suite('LSP over stdio: embedded policies', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  test('CloudFormation YAML: diagnostics at the value, hover, and completion that keeps the YAML valid', async () => {
    const uri = 'file:///ws/template.yaml';
    client.open(uri, yaml, 'yaml');
    const diagnostics = await client.diagnostics(uri);
    const typo = diagnostics.find((d) => d.code === 'unknown-action');
    assert.ok(typo, diagnostics.map((d) => d.code).join());
    assert.deepEqual(typo.range.start, positionAt(yaml, yaml.indexOf('s3:GetObjct')));
    assert.ok(!diagnostics.some((d) => d.code === 'wrong-type' || d.code === 'invalid-arn'), '!Sub is a value');
    const hover = await client.hover(uri, positionAt(yaml, yaml.indexOf('sts:AssumeRole') + 4));
    assert.match(JSON.stringify(hover?.contents), /sts:AssumeRole/);
    const at = yaml.indexOf('s3:GetOb\n') + 's3:GetOb'.length;
    const items = itemsOf(await client.complete(uri, positionAt(yaml, at)));
    const item = items.find((i) => i.label === 's3:GetObject');
    assert.ok(
      item,
      items
        .slice(0, 5)
        .map((i) => i.label)
        .join(),
    );
    const after = applyCompletion(yaml, item);
    const parsed = parseYaml(after, { customTags: [{ tag: '!Sub', resolve: (s: string) => s }] }) as {
      Resources: { Role: { Properties: { Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[] } } };
    };
    assert.deepEqual(parsed.Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Action, ['s3:GetObjct', 's3:GetObject']);
  });

  test('Terraform jsonencode: diagnostics, hover and completion', async () => {
    const uri = 'file:///ws/main.tf';
    client.open(uri, tf, 'terraform');
    const diagnostics = await client.diagnostics(uri);
    const passRole = diagnostics.find((d) => d.code === 'passrole-star');
    assert.ok(passRole, diagnostics.map((d) => d.code).join());
    assert.deepEqual(passRole.range.start, positionAt(tf, tf.indexOf('"iam:PassRole"')));
    const hover = await client.hover(uri, positionAt(tf, tf.indexOf('iam:PassRole') + 5));
    assert.match(JSON.stringify(hover?.contents), /Permissions management|Write/);
    const items = itemsOf(await client.complete(uri, positionAt(tf, tf.indexOf('s3:GetOb"') + 8)));
    const item = items.find((i) => i.label === 's3:GetObject');
    assert.ok(item);
    assert.match(applyCompletion(tf, item), /Action {3}= \["iam:PassRole", "s3:GetObject"\]/);
  });

  test('completion inserts host syntax: HCL aws_iam_policy_document arguments', async () => {
    const block = (test: string, variable: string) => `# Bucket access for the org
data "aws_iam_policy_document" "org" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "${test}"
      variable = "${variable}"
      values   = ["o-123"]
    }
  }
}
`;
    const template = block('Str|', 'aws:PrincipalAccount');
    assert.equal(
      await completeAt(client, 'file:///ws/hcl-test.tf', 'terraform', template, 'StringEquals'),
      block('StringEquals', 'aws:PrincipalAccount'),
    );
    assert.equal(
      await completeAt(client, 'file:///ws/hcl-variable.tf', 'terraform', block('StringEquals', 'aws:Pri|'), 'aws:PrincipalAccount'),
      block('StringEquals', 'aws:PrincipalAccount'),
    );
  });

  test('completion inserts host syntax: keys in jsonencode are HCL', async () => {
    const policy = (condition: string) => `# Org-only access
resource "aws_iam_policy" "org" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "*"
      Condition = { StringEquals = { ${condition} } }
    }]
  })
}
`;
    assert.equal(
      await completeAt(client, 'file:///ws/jsonencode.tf', 'terraform', policy('"aws:Pri|" = "o-123"'), 'aws:PrincipalAccount'),
      policy('"aws:PrincipalAccount" = "o-123"'),
    );
  });

  test('completion inserts host syntax: YAML mappings, condition operators and keys while typing', async () => {
    const head = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
`;
    assert.equal(
      await completeAt(client, 'file:///ws/yaml-key.yaml', 'yaml', `${head}            Reso|\n`, 'Resource'),
      `${head}            Resource: [""]\n`,
    );
    const withCondition = `${head}            Resource: "*"\n            Condition:\n`;
    assert.equal(
      await completeAt(client, 'file:///ws/yaml-operator.yaml', 'yaml', `${withCondition}              StringEq|\n`, 'StringEquals'),
      `${withCondition}              StringEquals:\n                : ""\n`,
    );
    assert.equal(
      await completeAt(
        client,
        'file:///ws/yaml-condition-key.yaml',
        'yaml',
        `${withCondition}              StringEquals:\n                aws:|\n`,
        'aws:PrincipalAccount',
      ),
      `${withCondition}              StringEquals:\n                aws:PrincipalAccount: ""\n`,
    );
  });
});
