/** Completion in host syntax through the stdio server: statement blocks of aws_iam_policy_document (HCL) and serverless.yml statements (YAML). */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { parse as parseYaml } from 'yaml';
import { itemsOf, type LspClient, positionAt } from './harness';
import { sharedServer } from './sharedServer';

const CARET = '‸';

/** The item applied as VS Code does: placeholders become their default, new lines take the line's indentation, a tab is two spaces here. */
function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit, `${item.label} has a textEdit`);
  let newText = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
  if (item.insertTextMode === 2) {
    const line = text.split('\n')[edit.range.start.line] ?? '';
    const indent = /^\s*/.exec(line)![0];
    newText = newText.replace(/\n/g, `\n${indent}`);
  }
  newText = newText.replace(/\t/g, '  ');
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'terraform', 1, text), [{ range: edit.range, newText }]);
}

suite('LSP over stdio: completion of host blocks', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  async function complete(uri: string, languageId: string, template: string): Promise<{ text: string; items: CompletionItem[] }> {
    const offset = template.indexOf(CARET);
    const text = template.slice(0, offset) + template.slice(offset + CARET.length);
    client.open(uri, text, languageId);
    return { text, items: itemsOf(await client.complete(uri, positionAt(text, offset))) };
  }

  async function completeAt(uri: string, languageId: string, template: string, label: string): Promise<string> {
    const { text, items } = await complete(uri, languageId, template);
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${label} in ${items.map((i) => i.label).join(', ')}`);
    return apply(text, item);
  }

  const doc = (statementBody: string) => `# Read access to the reports bucket
data "aws_iam_policy_document" "reports" {
  statement {
    sid       = "ReadReports"
${statementBody}
  }
}
`;

  test('aws_iam_policy_document: statement arguments and blocks in HCL, without those already written', async () => {
    const { items } = await complete('file:///ws/doc-keys.tf', 'terraform', doc(`    ${CARET}`));
    const labels = items.map((i) => i.label);
    for (const expected of ['effect', 'actions', 'not_actions', 'resources', 'not_resources', 'principals', 'condition']) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('sid'), 'sid is written already');
    assert.ok(!labels.some((l) => /^[A-Z]/.test(l)), `no JSON element names: ${labels.join(', ')}`);
    assert.equal(await completeAt('file:///ws/doc-actions.tf', 'terraform', doc(`    act${CARET}`), 'actions'), doc(`    actions = [""]`));
    assert.equal(
      await completeAt('file:///ws/doc-condition.tf', 'terraform', doc(`    actions   = ["s3:GetObject"]\n    ${CARET}`), 'condition'),
      doc(
        `    actions   = ["s3:GetObject"]\n    condition {\n      test     = "StringEquals"\n      variable = ""\n      values   = [""]\n    }`,
      ),
    );
    assert.equal(
      await completeAt('file:///ws/doc-principals.tf', 'terraform', doc(`    ${CARET}`), 'principals'),
      doc(`    principals {\n      type        = "AWS"\n      identifiers = [""]\n    }`),
    );
  });

  test('aws_iam_policy_document: statement blocks at the top of the document', async () => {
    const template = `# Empty document being written
data "aws_iam_policy_document" "new" {
  ${CARET}
}
`;
    assert.equal(
      await completeAt('file:///ws/doc-top.tf', 'terraform', template.replace(CARET, `vers${CARET}`), 'version'),
      template.replace(CARET, 'version = "2012-10-17"'),
    );
  });

  test('serverless.yml: actions and statement keys in YAML', async () => {
    const head = `service: orders
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
`;
    const after = await completeAt(
      'file:///ws/serverless.yml',
      'yaml',
      `${head}          Action: dynamodb:GetIt${CARET}\n          Resource: "*"\n`,
      'dynamodb:GetItem',
    );
    const parsed = parseYaml(after) as { provider: { iam: { role: { statements: { Action: string }[] } } } };
    assert.equal(parsed.provider.iam.role.statements[0].Action, 'dynamodb:GetItem');
    assert.equal(
      await completeAt(
        'file:///ws/sls/serverless.yml',
        'yaml',
        `${head}          Action: dynamodb:GetItem\n          Reso${CARET}\n`,
        'Resource',
      ),
      `${head}          Action: dynamodb:GetItem\n          Resource: [""]\n`,
    );
  });
});
