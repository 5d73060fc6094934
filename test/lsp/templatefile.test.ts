/**
 * Terraform file() / templatefile() through the stdio server (test/fixtures/templatefile): the
 * findings of the referenced policy files at the calls in the .tf, with relatedInformation at the
 * exact place in the file; open documents' unsaved text wins over the disk, and the .tf is re-checked
 * when it changes.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { type LspClient, repoRoot } from './harness';
import { sharedServer } from './sharedServer';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'templatefile');
const uriOf = (name: string) => pathToFileURL(path.join(fixtures, name)).href;
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** "rule line:col call-text | message | related-file line:col related-text" per diagnostic. */
function describe(text: string, diagnostics: Diagnostic[]): string[] {
  const doc = TextDocument.create('file:///x', 'terraform', 1, text);
  return diagnostics
    .sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code)))
    .map((d) => {
      const related = d.relatedInformation?.map((r) => {
        const file = path.relative(fixtures, new URL(r.location.uri).pathname);
        const target = TextDocument.create(r.location.uri, 'json', 1, read(file));
        return `${file} ${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${target.getText(r.location.range)}`;
      });
      return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${doc.getText(d.range).slice(0, 20)} | ${d.message} | ${related?.join(', ') ?? '-'}`;
    });
}

suite('LSP over stdio: Terraform file() and templatefile()', () => {
  let client: LspClient;
  before(async () => {
    client = await sharedServer();
  });

  test('findings of the referenced files at the calls, with relatedInformation; unreadable paths are errors', async () => {
    const text = read('main.tf');
    client.open(uriOf('main.tf'), text, 'terraform');
    assert.deepEqual(describe(text, await client.diagnostics(uriOf('main.tf'))), [
      'element-not-allowed 21:24 templatefile("${path | policies/trust.json.tpl:23: "Resource" is not supported in a role trust policy: the resource of a trust policy is the role itself. | policies/trust.json.tpl 23:7 "Resource"',
      'public-principal 21:24 templatefile("${path | policies/trust.json.tpl:15: Principal "*" in a role trust policy without a limiting condition: any AWS identity can assume this role. Name the principals, or add aws:PrincipalOrgID / sts:ExternalId. | policies/trust.json.tpl 15:20 { "AWS": "*" }',
      'unknown-action 30:12 file("${path.module} | policies/deploy.json:7: "s3:PutObjekt" is not an Amazon S3 action, so it grants nothing. Did you mean "s3:PutObject"? | policies/deploy.json 7:34 "s3:PutObjekt"',
      'check-failed 35:12 file("policies/missi | could not check this policy: policies/missing.json was not found | -',
      'check-failed 40:12 file("../../etc/pass | could not check this policy: ../../etc/passwd is outside the workspace: only policy files inside it are read | -',
    ]);
  });

  test("an open policy file's unsaved text is read, and editing it re-checks the .tf", async () => {
    const fixed = read('policies/deploy.json').replace('s3:PutObjekt', 's3:PutObject');
    client.open(uriOf('policies/deploy.json'), read('policies/deploy.json'), 'json');
    const before = await client.diagnostics(uriOf('main.tf'));
    assert.ok(before.some((d) => d.code === 'unknown-action'));
    const refreshes = client.notifications.filter((n) => n.method === 'workspace/diagnostic/refresh').length;
    client.change(uriOf('policies/deploy.json'), fixed);
    await client.waitFor(
      'workspace/diagnostic/refresh',
      () => client.notifications.filter((n) => n.method === 'workspace/diagnostic/refresh').length > refreshes,
    );
    const after = await client.diagnostics(uriOf('main.tf'));
    assert.deepEqual(
      after.map((d) => d.code),
      ['element-not-allowed', 'public-principal', 'check-failed', 'check-failed'],
    );
    client.close(uriOf('policies/deploy.json'));
  });

  test('the .tf re-checked when it changes: a removed call takes its findings with it', async () => {
    const text = read('main.tf').replace(/resource "aws_iam_role" "deploy" \{[\s\S]*?\n\}\n/, '');
    client.change(uriOf('main.tf'), text);
    const codes = (await client.diagnostics(uriOf('main.tf'))).map((d) => d.code);
    assert.deepEqual(codes.sort(), ['check-failed', 'check-failed', 'unknown-action']);
  });
});
