/** AWS CDK apps (TypeScript and Python) through the stdio server: diagnostics, hover, completion and quick-fixes on the string literals. */
import { strict as assert } from 'node:assert';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { itemsOf, type LspClient, positionAt } from './harness';
import { sharedServer } from './sharedServer';

/** The caret in templates (`|` is JavaScript and Python syntax). */
const CARET = '‸';

function applyCompletion(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit, `${item.label} has a textEdit`);
  const newText = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '');
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'typescript', 1, text), [{ range: edit.range, newText }]);
}

const ts = (body: string) => `import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

export class AppStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string, bucket: cdk.aws_s3.IBucket) {
    super(scope, id);
    const role = new iam.Role(this, 'AppRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
${body}
  }
}
`;

const py = (body: string) => `from aws_cdk import Stack, aws_iam as iam
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, queue) -> None:
        super().__init__(scope, construct_id)
        role = iam.Role(self, "AppRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
${body}
`;

suite('LSP over stdio: AWS CDK', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  /** Completes at the caret and returns the whole text after applying the item labelled `label`. */
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
    return applyCompletion(text, item);
  }

  test('TypeScript: diagnostics at the literal; variables and template literals are values, not errors', async () => {
    const text = ts(`    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObjct', 'iam:PassRole'],
        resources: [bucket.bucketArn, \`\${bucket.bucketArn}/*\`, '*'],
      }),
    );`);
    const uri = 'file:///ws/lib/app-stack.ts';
    client.open(uri, text, 'typescript');
    const diagnostics = await client.diagnostics(uri);
    const typo = diagnostics.find((d) => d.code === 'unknown-action');
    assert.ok(typo, diagnostics.map((d) => d.code).join());
    assert.deepEqual(typo.range, {
      start: positionAt(text, text.indexOf("'s3:GetObjct'")),
      end: positionAt(text, text.indexOf("'s3:GetObjct'") + "'s3:GetObjct'".length),
    });
    assert.ok(diagnostics.some((d) => d.code === 'passrole-star'));
    assert.deepEqual(
      diagnostics.filter((d) => ['invalid-arn', 'wrong-type', 'json-syntax', 'missing-version', 'missing-effect'].includes(String(d.code))),
      [],
    );
    const hover = await client.hover(uri, positionAt(text, text.indexOf('iam:PassRole') + 5));
    assert.match(JSON.stringify(hover?.contents), /PassRole/);
    const principal = await client.hover(uri, positionAt(text, text.indexOf('lambda.amazonaws.com') + 3));
    assert.match(JSON.stringify(principal?.contents), /Lambda/i);
    // no hover on code that is not a policy literal
    assert.equal(await client.hover(uri, positionAt(text, text.indexOf('addToPolicy') + 2)), null);
    // links only on the literals the user wrote: none on `assumedBy` (CDK writes sts:AssumeRole there)
    const links = (await client.documentLinks(uri)) ?? [];
    const doc = TextDocument.create(uri, 'typescript', 1, text);
    assert.deepEqual(
      links.map((l) => doc.getText(l.range)),
      ['iam:PassRole'],
    );
  });

  test('a TypeScript file that does not import the CDK is not read', async () => {
    const uri = 'file:///ws/src/labels.ts';
    client.open(uri, "export const statement = { actions: ['s3:GetObjct'] };\n", 'typescript');
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  test('TypeScript: completion keeps the literal and its quote', async () => {
    const body = (action: string) => `    role.addToPolicy(new iam.PolicyStatement({ actions: [${action}], resources: ['*'] }));`;
    assert.equal(
      await completeAt('file:///ws/lib/a.ts', 'typescript', ts(body(`'s3:GetOb${CARET}'`)), 's3:GetObject'),
      ts(body(`'s3:GetObject'`)),
    );
    assert.equal(
      await completeAt('file:///ws/lib/b.ts', 'typescript', ts(body(`"s3:GetOb${CARET}"`)), 's3:GetObject'),
      ts(body(`"s3:GetObject"`)),
    );
    const condition = (key: string) => `    const s = new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });
    s.addCondition('StringEquals', { ${key}: 'o-1234567' });
    role.addToPolicy(s);`;
    assert.equal(
      await completeAt('file:///ws/lib/c.ts', 'typescript', ts(condition(`'aws:PrincipalOrg${CARET}'`)), 'aws:PrincipalOrgID'),
      ts(condition(`'aws:PrincipalOrgID'`)),
    );
    const operator = (op: string) => `    const s = new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });
    s.addCondition(${op}, { 'aws:PrincipalOrgID': 'o-1234567' });`;
    assert.equal(
      await completeAt('file:///ws/lib/d.ts', 'typescript', ts(operator(`'StringEq${CARET}'`)), 'StringEquals'),
      ts(operator(`'StringEquals'`)),
    );
  });

  test('Python: diagnostics, completion with the literal quote, trust policy from assumed_by', async () => {
    const body = (action: string) => `        role.add_to_policy(
            iam.PolicyStatement(
                effect=iam.Effect.ALLOW,
                actions=[${action}],
                resources=[queue.queue_arn],
            )
        )`;
    const text = py(body('"sqs:ReceiveMesage"'));
    const uri = 'file:///ws/app/app_stack.py';
    client.open(uri, text, 'python');
    const diagnostics = await client.diagnostics(uri);
    const typo = diagnostics.find((d) => d.code === 'unknown-action');
    assert.ok(typo, diagnostics.map((d) => d.code).join());
    assert.deepEqual(typo.range.start, positionAt(text, text.indexOf('"sqs:ReceiveMesage"')));
    assert.equal(diagnostics.filter((d) => d.code !== 'unknown-action').length, 0, diagnostics.map((d) => d.code).join());
    assert.equal(
      await completeAt('file:///ws/app/a.py', 'python', py(body(`"sqs:SendMes${CARET}"`)), 'sqs:SendMessage'),
      py(body('"sqs:SendMessage"')),
    );
    assert.equal(
      await completeAt('file:///ws/app/b.py', 'python', py(body(`'sqs:SendMes${CARET}'`)), 'sqs:SendMessage'),
      py(body("'sqs:SendMessage'")),
    );
  });

  test('quick-fix in code: the literal is replaced in its own quote', async () => {
    const text = ts(`    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObjct'], resources: ['*'] }));`);
    const uri = 'file:///ws/lib/fix.ts';
    client.open(uri, text, 'typescript');
    const diagnostics = await client.diagnostics(uri);
    const typo = diagnostics.find((d) => d.code === 'unknown-action');
    assert.ok(typo);
    const actions = (await client.codeActions(uri, typo.range, [typo])) ?? [];
    const fix = actions.find((a) => /s3:GetObject/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const edits = fix.edit?.changes?.[uri] ?? [];
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
    assert.equal(after, text.replace("'s3:GetObjct'", "'s3:GetObject'"));
    // every action kept is one that leaves valid code: no JSON edit reaches the TypeScript
    for (const action of actions) {
      for (const edit of action.edit?.changes?.[uri] ?? []) {
        assert.ok(/^(\s*\/\/.*\n|'[^'\n]*')$/.test(edit.newText), `${action.title}: ${JSON.stringify(edit.newText)}`);
      }
    }
  });
});
