/** Completion inside policies written as an escaped JSON string (JSON and YAML templates, Terraform, .tf.json): the edit keeps the string valid. */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { parse as parseYaml } from 'yaml';
import { itemsOf, type LspClient, positionAt } from './harness';
import { sharedServer } from './sharedServer';

const CARET = '‸';

/** The snippet as VS Code inserts it: placeholders become their default, `\\$`, `\\}` and `\\\\` their character. */
function resolveSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit, `${item.label} has a textEdit`);
  const newText = item.insertTextFormat === 2 ? resolveSnippet(edit.newText) : edit.newText;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), [{ range: edit.range, newText }]);
}

const statement = (action: string, condition = '') =>
  `{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"${action}\\",\\"Resource\\":\\"*\\"${condition}}]}`;

suite('LSP over stdio: completion in escaped JSON strings', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  async function completeAt(uri: string, languageId: string, template: string, label: string): Promise<string> {
    const offset = template.indexOf(CARET);
    const text = template.slice(0, offset) + template.slice(offset + CARET.length);
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
    // the client filters on the text from the range start to the cursor: the filter text must start with it
    const edit = item.textEdit as TextEdit;
    const typed = text.slice(TextDocument.create(uri, languageId, 1, text).offsetAt(edit.range.start), offset);
    assert.ok((item.filterText ?? item.label).startsWith(typed), `${item.filterText} starts with ${typed}`);
    return apply(text, item);
  }

  test('CloudFormation JSON: an action, then a condition key, and the template still parses to the policy', async () => {
    const template = (policy: string) =>
      `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Reader": {\n      "Type": "AWS::IAM::ManagedPolicy",\n      "Properties": {\n        "PolicyDocument": "${policy}"\n      }\n    }\n  }\n}\n`;
    const after = await completeAt('file:///ws/escaped.json', 'json', template(statement(`s3:GetOb${CARET}`)), 's3:GetObject');
    assert.equal(after, template(statement('s3:GetObject')));
    const policy = JSON.parse(
      (JSON.parse(after) as { Resources: { Reader: { Properties: { PolicyDocument: string } } } }).Resources.Reader.Properties
        .PolicyDocument,
    ) as { Statement: { Action: string }[] };
    assert.equal(policy.Statement[0].Action, 's3:GetObject');
    const withKey = (key: string) => statement('s3:GetObject', `,\\"Condition\\":{\\"StringEquals\\":{\\"${key}\\":\\"123456789012\\"}}`);
    assert.equal(
      await completeAt('file:///ws/escaped-key.json', 'json', template(withKey(`aws:PrincipalAcc${CARET}`)), 'aws:PrincipalAccount'),
      template(withKey('aws:PrincipalAccount')),
    );
  });

  test('CloudFormation YAML: a double-quoted string', async () => {
    const template = (policy: string) =>
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: "${policy}"\n`;
    const after = await completeAt('file:///ws/escaped.yaml', 'yaml', template(statement(`sqs:SendMes${CARET}`)), 'sqs:SendMessage');
    assert.equal(after, template(statement('sqs:SendMessage')));
    const parsed = parseYaml(after) as { Resources: { Reader: { Properties: { PolicyDocument: string } } } };
    assert.equal(
      (JSON.parse(parsed.Resources.Reader.Properties.PolicyDocument) as { Statement: { Action: string }[] }).Statement[0].Action,
      'sqs:SendMessage',
    );
  });

  test('Terraform: a quoted JSON string, and .tf.json', async () => {
    const tf = (policy: string) => `# Legacy policy as a string\nresource "aws_iam_policy" "legacy" {\n  policy = "${policy}"\n}\n`;
    assert.equal(
      await completeAt('file:///ws/escaped.tf', 'terraform', tf(statement(`s3:GetOb${CARET}`)), 's3:GetObject'),
      tf(statement('s3:GetObject')),
    );
    const tfJson = (policy: string) =>
      `{\n  "resource": {\n    "aws_iam_policy": {\n      "legacy": {\n        "policy": "${policy}"\n      }\n    }\n  }\n}\n`;
    assert.equal(
      await completeAt('file:///ws/escaped.tf.json', 'json', tfJson(statement(`s3:GetOb${CARET}`)), 's3:GetObject'),
      tfJson(statement('s3:GetObject')),
    );
  });
});
