/**
 * AWS managed policies attached by ARN or name, through the stdio server, on fixtures of real-world
 * shape (test/fixtures/managed: CloudFormation/SAM YAML and JSON, Terraform, Serverless): the
 * diagnostics with their exact ranges, the hover, and quick-fixes applied to the whole text.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { itemsOf, type LspClient, positionAt, repoRoot } from './harness';
import { sharedServer } from './sharedServer';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'managed');
const FILES: Record<string, string> = {
  'template.yaml': 'yaml',
  'template.json': 'json',
  'main.tf': 'terraform',
  'serverless.yml': 'yaml',
};

const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const uriOf = (name: string) => `file:///ws/managed/${name}`;

/** "rule line:col text" of the managed-policy diagnostics, in document order. */
function describe(text: string, diagnostics: Diagnostic[]): string[] {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  return diagnostics
    .filter((d) => d.code === 'unknown-managed-policy' || d.code === 'broad-managed-policy')
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${doc.getText(d.range)}`);
}

suite('LSP over stdio: AWS managed policies by ARN', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
    for (const [name, languageId] of Object.entries(FILES)) {
      client.open(uriOf(name), read(name), languageId);
    }
  });

  test('CloudFormation and SAM (YAML): names, ARNs, !Sub, !Join, a missing path', async () => {
    const text = read('template.yaml');
    assert.deepEqual(describe(text, await client.diagnostics(uriOf('template.yaml'))), [
      'unknown-managed-policy 18:11 AmazonDynamoDBReadOnlyAcess',
      'unknown-managed-policy 33:35 AWSLambdaBasicExecutionRole',
      'broad-managed-policy 51:55 AdministratorAccess',
      'broad-managed-policy 52:70 IAMFullAccess',
    ]);
  });

  test('CloudFormation (JSON): Fn::Join and a group', async () => {
    const text = read('template.json');
    assert.deepEqual(describe(text, await client.diagnostics(uriOf('template.json'))), [
      'broad-managed-policy 15:86 PowerUserAccess',
      'unknown-managed-policy 23:56 job-function/ViewOnlyAcces',
    ]);
  });

  test('Terraform: attachments, managed_policy_arns, SSO, a partition interpolation', async () => {
    const text = read('main.tf');
    assert.deepEqual(describe(text, await client.diagnostics(uriOf('main.tf'))), [
      'broad-managed-policy 23:77 PowerUserAccess',
      'unknown-managed-policy 28:41 CloudWatchReadOnlyAcess',
      'broad-managed-policy 33:41 IAMFullAccess',
      'unknown-managed-policy 39:41 AWSLambdaBasicExecutionRole',
      'broad-managed-policy 45:49 AdministratorAccess',
    ]);
  });

  test('Serverless: provider.iam.role.managedPolicies', async () => {
    const text = read('serverless.yml');
    const diagnostics = await client.diagnostics(uriOf('serverless.yml'));
    assert.deepEqual(describe(text, diagnostics), [
      'unknown-managed-policy 11:36 AmazonS3FullAcess',
      'broad-managed-policy 16:35 AdministratorAccess',
    ]);
    const typo = diagnostics.find((d) => d.code === 'unknown-managed-policy')!;
    assert.equal(typo.severity, 1);
    assert.equal(
      typo.message,
      '"AmazonS3FullAcess" is not an AWS managed policy, so attaching it fails. Did you mean "AmazonS3FullAccess"?',
    );
    const broad = diagnostics.find((d) => d.code === 'broad-managed-policy')!;
    assert.equal(broad.severity, 2);
    assert.match(
      String(broad.message),
      /^AdministratorAccess grants every action on every resource \(full administrator access\)\. .*"job-function\/ViewOnlyAccess", "ReadOnlyAccess"/,
    );
  });

  test('hover: what the policy grants, its ARN, version and reference page', async () => {
    const text = read('main.tf');
    const offset = text.indexOf('AmazonS3ReadOnlyAccess') + 5;
    const hover = await client.hover(uriOf('main.tf'), positionAt(text, offset));
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /^\*\*AmazonS3ReadOnlyAccess\*\* · AWS managed policy/);
    assert.match(value, /`arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess` · Version v\d+, updated \d{4}-\d\d-\d\d/);
    assert.match(value, /\(https:\/\/docs\.aws\.amazon\.com\/aws-managed-policy\/latest\/reference\/AmazonS3ReadOnlyAccess\.html\)/);
    assert.match(value, /\| Amazon S3 \(s3\) \| [^|]*Read \d+/, 'the access-level summary of its document');
    const start = text.indexOf('AmazonS3ReadOnlyAccess');
    assert.deepEqual(hover?.range, { start: positionAt(text, start), end: positionAt(text, start + 'AmazonS3ReadOnlyAccess'.length) });
  });

  test('hover on a name in SAM Policies, and none on an unknown name', async () => {
    const text = read('template.yaml');
    const hover = await client.hover(uriOf('template.yaml'), positionAt(text, text.indexOf('AWSLambdaExecute') + 3));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /^\*\*AWSLambdaExecute\*\* · AWS managed policy/);
    const unknown = await client.hover(uriOf('template.yaml'), positionAt(text, text.indexOf('AmazonDynamoDBReadOnlyAcess') + 3));
    assert.ok(!((unknown?.contents as MarkupContent | undefined)?.value ?? '').includes('AWS managed policy'));
  });

  for (const [name, wrong, right] of [
    ['main.tf', 'CloudWatchReadOnlyAcess', 'CloudWatchReadOnlyAccess'],
    ['template.yaml', 'aws:policy/AWSLambdaBasicExecutionRole', 'aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    ['template.json', 'job-function/ViewOnlyAcces"', 'job-function/ViewOnlyAccess"'],
    ['serverless.yml', 'AmazonS3FullAcess', 'AmazonS3FullAccess'],
  ]) {
    test(`quick-fix in ${name}: the whole text after the fix`, async () => {
      const text = read(name);
      const uri = uriOf(name);
      const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'unknown-managed-policy');
      const diagnostic = diagnostics.find((d) =>
        text.slice(0, TextDocument.create(uri, 'x', 1, text).offsetAt(d.range.end)).endsWith(wrong.replace(/"$/, '').split('/').pop()!),
      )!;
      assert.ok(diagnostic, JSON.stringify(diagnostics));
      const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])) ?? [];
      const fix = actions.find((a) => a.title.startsWith('Change to'));
      assert.ok(fix?.edit?.changes, actions.map((a) => a.title).join(' | '));
      assert.equal(fix.isPreferred, true);
      const after = TextDocument.applyEdits(TextDocument.create(uri, FILES[name], 1, text), fix.edit.changes[uri] as TextEdit[]);
      assert.equal(after, text.replace(wrong, right));
      client.change(uri, after);
      assert.deepEqual(
        (await client.diagnostics(uri)).filter(
          (d) => d.code === 'unknown-managed-policy' && d.range.start.line === diagnostic.range.start.line,
        ),
        [],
      );
      client.change(uri, text);
    });
  }
});

suite('LSP over stdio: completion of AWS managed policies', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  /** Completes at `|` and applies the item labelled `label`: the whole text after it. */
  async function complete(uri: string, languageId: string, template: string, label: string): Promise<string> {
    const offset = template.indexOf('|');
    const text = template.slice(0, offset) + template.slice(offset + 1);
    client.open(uri, text, languageId);
    const items = itemsOf(await client.complete(uri, positionAt(text, offset)));
    const item = items.find((i) => i.label === label);
    assert.ok(item, items.map((i) => i.label).join(', '));
    return TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), [item.textEdit as TextEdit]);
  }

  test('Terraform policy_arn: the name with its path', async () => {
    const before =
      '# logs\nresource "aws_iam_role_policy_attachment" "logs" {\n  role       = "app"\n  policy_arn = "arn:aws:iam::aws:policy/AWSLambdaBasicExec|"\n}\n';
    assert.equal(
      await complete('file:///ws/managed/complete.tf', 'terraform', before, 'AWSLambdaBasicExecutionRole'),
      '# logs\nresource "aws_iam_role_policy_attachment" "logs" {\n  role       = "app"\n  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"\n}\n',
    );
  });

  test('SAM Policies: a bare name, replacing what is typed', async () => {
    const before =
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Policies:\n        - AmazonDynamoDBRead|\n';
    assert.equal(
      await complete('file:///ws/managed/complete.yaml', 'yaml', before, 'AmazonDynamoDBReadOnlyAccess'),
      before.replace('AmazonDynamoDBRead|', 'AmazonDynamoDBReadOnlyAccess'),
    );
  });
});
