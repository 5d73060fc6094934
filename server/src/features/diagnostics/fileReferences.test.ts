/**
 * Terraform file()/templatefile(): the reader's record of each call (path resolution, type, what is
 * left alone), the template reading (interpolations are unknown values), the diagnostics placed on
 * the call, and the node reader's refusals (outside the root, not a file, too large, missing).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEmbeddedExtractor } from '../../embedded';
import { loadTerraformParser, terraformParser } from '../../node/terraformParser';
import { createReadRelative, MAX_REFERENCED_FILE_BYTES } from '../../node/relativeFiles';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { getDiagnostics } from './diagnostics';
import {
  analyzeReferencedPolicy,
  fileReferenceDiagnostics,
  normalizeRelativePath,
  templateAsJson,
  type ReadRelative,
} from './fileReferences';

const embedded = createEmbeddedExtractor({ terraform: terraformParser });
const analyzeTf = (text: string) => analyzeFile(text, { languageId: 'terraform', matchesPolicyGlob: false, embedded });

suite('Terraform file() and templatefile(): the reader', () => {
  before(async () => {
    assert.ok(await loadTerraformParser((e) => assert.fail(String(e))));
  });

  test('paths: path.module, path.root, path.cwd and relative paths, with the type the argument implies', () => {
    const text = [
      '# roles and buckets',
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = templatefile("${path.module}/trust.json.tpl", { account = var.account })',
      '  inline_policy {',
      '    policy = file("${ path.root }/policies/inline.json")',
      '  }',
      '}',
      'resource "aws_s3_bucket_policy" "b" {',
      '  policy = file("policies/x.json")',
      '}',
      'resource "aws_iam_policy" "p" {',
      '  policy = file("${path.cwd}/../shared/p.json")',
      '}',
    ].join('\n');
    const file = analyzeTf(text);
    assert.equal(file.isPolicy, true);
    assert.deepEqual(
      file.fileReferences?.map((r) => [
        r.path,
        r.template,
        r.type ?? 'inferred',
        r.container.resourceType ?? '-',
        text.slice(r.offset, r.offset + r.length),
      ]),
      [
        [
          './trust.json.tpl',
          true,
          'trust',
          'AWS::IAM::AssumeRolePolicyDocument',
          'templatefile("${path.module}/trust.json.tpl", { account = var.account })',
        ],
        ['./policies/inline.json', false, 'identity', '-', 'file("${ path.root }/policies/inline.json")'],
        ['policies/x.json', false, 'resource', '-', 'file("policies/x.json")'],
        ['./../shared/p.json', false, 'identity', '-', 'file("${path.cwd}/../shared/p.json")'],
      ],
    );
    assert.deepEqual(file.policies, []);
  });

  test('a path computed from a variable is an unknown value: not followed, not an error', () => {
    const file = analyzeTf('resource "aws_iam_policy" "p" {\n  policy = file("${var.dir}/p.json")\n}\n');
    assert.equal(file.fileReferences, undefined);
    assert.equal(file.isPolicy, false);
  });

  test('normalized paths as the user reads them', () => {
    assert.equal(normalizeRelativePath('./policies/../policies/x.json'), 'policies/x.json');
    assert.equal(normalizeRelativePath('./../../etc/passwd'), '../../etc/passwd');
  });
});

suite('Terraform templates: interpolations are unknown values', () => {
  test('the JSON keeps its length and lines; ${…} outside strings is a placeholder, %{…} is blanked', () => {
    const tpl = '{\n  "Resource": ${jsonencode(arns)},\n%{ if x ~}\n  "Sid": "a"\n%{ endif ~}\n}';
    const { text, placeholders } = templateAsJson(tpl);
    assert.equal(text.length, tpl.length);
    assert.deepEqual(text.split('\n').length, tpl.split('\n').length);
    assert.equal(text, '{\n  "Resource": "_________________",\n          \n  "Sid": "a"\n           \n}');
    assert.deepEqual([...placeholders], [tpl.indexOf('${')]);
  });

  test('${var} in a string, and a whole value, are never errors; $${aws:username} is the policy variable', () => {
    const tpl = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [{',
      '    "Effect": "Allow",',
      '    "Action": ${actions},',
      '    "Resource": "arn:aws:s3:::${bucket}/home/$${aws:username}/*"',
      '  }, {',
      '    "Effect": "Allow",',
      '    "Action": "s3:GetObject",',
      '    "Resource": "arn:aws:s3:::b/$${aws:username}/*"',
      '  }]',
      '}',
    ].join('\n');
    const reference = {
      path: 'p.json.tpl',
      template: true,
      offset: 0,
      length: 1,
      type: 'identity' as const,
      container: { kind: 'terraform' as const },
    };
    const file = analyzeReferencedPolicy(reference, tpl);
    const [first, second] = file.policies[0].policy.statements;
    assert.equal(first.action?.values[0]?.dynamic, 'Terraform template interpolation');
    assert.equal(first.resource?.values[0]?.dynamic, 'Terraform template interpolation');
    assert.equal(second.resource?.values[0]?.value, 'arn:aws:s3:::b/${aws:username}/*');
    assert.equal(second.resource?.values[0]?.dynamic, undefined);
    const document = TextDocument.create('file:///w/p.json.tpl', 'json', 1, file.text);
    assert.deepEqual(
      getDiagnostics(file, testCatalog(), document).filter((d) => d.severity === 1),
      [],
    );
  });
});

suite('Findings at the call', () => {
  before(async () => {
    assert.ok(await loadTerraformParser((e) => assert.fail(String(e))));
  });

  test('one diagnostic per finding on the call, prefixed path:line, related to the place in the file', () => {
    const tf = '# bucket\nresource "aws_s3_bucket_policy" "b" {\n  policy = file("${path.module}/policies/b.json")\n}\n';
    const policy =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*" }]\n}\n';
    const reads: string[] = [];
    const read: ReadRelative = (from, p) => {
      reads.push(`${from} ${p}`);
      return { uri: 'file:///w/policies/b.json', text: policy };
    };
    const document = TextDocument.create('file:///w/main.tf', 'terraform', 1, tf);
    const diagnostics = fileReferenceDiagnostics(analyzeTf(tf), testCatalog(), document, read);
    assert.deepEqual(reads, ['file:///w/main.tf ./policies/b.json']);
    const call = tf.indexOf('file(');
    const unknown = diagnostics.find((d) => d.code === 'unknown-action');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual(unknown.range, { start: document.positionAt(call), end: document.positionAt(tf.indexOf('\n', call)) });
    assert.match(String(unknown.message), /^policies\/b\.json:3: "s3:GetObjekt"/);
    const at = policy.indexOf('"s3:GetObjekt"');
    assert.deepEqual(unknown.relatedInformation?.[0]?.location, {
      uri: 'file:///w/policies/b.json',
      range: {
        start: { line: 2, character: at - policy.indexOf('  "Statement') },
        end: { line: 2, character: at - policy.indexOf('  "Statement') + 14 },
      },
    });
    assert.equal(unknown.data, undefined);
  });
});

suite('Reading referenced files (node)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-tplfile-'));
  fs.mkdirSync(path.join(root, 'policies'));
  fs.writeFileSync(path.join(root, 'policies', 'p.json'), '{}');
  fs.writeFileSync(path.join(root, 'big.json'), 'x'.repeat(MAX_REFERENCED_FILE_BYTES + 1));
  const from = pathToFileURL(path.join(root, 'main.tf')).href;
  const read = createReadRelative({
    roots: () => [root],
    openText: (uri) => (uri.endsWith('open.json') ? '{"open": true}' : undefined),
  });

  test('inside the root: read; open documents first; refusals with their reason', () => {
    assert.deepEqual(read(from, './policies/p.json'), { uri: pathToFileURL(path.join(root, 'policies', 'p.json')).href, text: '{}' });
    assert.deepEqual(read(from, 'open.json'), { uri: pathToFileURL(path.join(root, 'open.json')).href, text: '{"open": true}' });
    assert.deepEqual(read(from, '../../etc/passwd'), { error: 'outside' });
    assert.deepEqual(read(from, 'policies'), { error: 'notFile' });
    assert.deepEqual(read(from, 'big.json'), { error: 'tooLarge' });
    assert.deepEqual(read(from, 'missing.json'), { error: 'missing' });
    assert.deepEqual(read('untitled:main.tf', 'p.json'), { error: 'unreadable' });
  });

  test('a symbolic link out of the root is refused', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-tplfile-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.json'), '{}');
    fs.symlinkSync(outside, path.join(root, 'out'));
    assert.deepEqual(read(from, 'out/secret.json'), { error: 'outside' });
  });
});
