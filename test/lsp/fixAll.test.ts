/**
 * One fix-all loop: the editor's source.fixAll (over stdio) and `iam-policy-lint --fix` reach the
 * same whole text, the editor in one code action whose edits touch only what changed, and a
 * second fix-all on that text has nothing left to do.
 */
import { strict as assert } from 'node:assert';
import { runCli, type CliResult } from '../cli/runCli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient } from './harness';
import { sharedServer } from './sharedServer';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const statement = (action: string, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
  ...extra,
});
const policy = (statements: unknown[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

const CASES: { name: string; file: string; text: string }[] = [
  {
    // merged pairwise: one round is not enough, the loop runs until one statement is left
    name: 'eight mergeable statements',
    file: 'eight.policy.json',
    text: policy(
      [
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        's3:GetObjectTagging',
        's3:PutObjectTagging',
        's3:GetObjectAcl',
        's3:PutObjectAcl',
        's3:RestoreObject',
      ].map((a) => statement(a)),
    ),
  },
  {
    name: 'duplicate and redundant actions',
    file: 'duplicates.policy.json',
    text: policy([
      {
        ...statement('s3:GetObject'),
        Action: ['s3:GetObject', 's3:PutObject', 's3:GetObject', 's3:Get*', 's3:PutObject', 's3:ListBucket'],
      },
    ]),
  },
  {
    // a trailing comma (strict JSON), duplicates inside statements that then merge, a Sid'ed statement left alone
    name: 'a mix',
    file: 'mix.policy.json',
    text: [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {"Sid": "Keep", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"},',
      '    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "arn:aws:s3:::b/*"},',
      '    {"Effect": "Allow", "Action": ["s3:PutObject", "s3:Put*"], "Resource": "arn:aws:s3:::b/*"},',
      '    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",},',
      '    {"Effect": "Allow", "Action": "s3:ListBucketVersions", "Resource": "arn:aws:s3:::b"}',
      '  ]',
      '}',
      '',
    ].join('\n'),
  },
];

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('edits' in change && change.textDocument.uri === uri) {
      edits.push(...(change.edits as TextEdit[]));
    }
  }
  return edits;
}

suite('fix-all: the editor and iam-policy-lint --fix share one loop', () => {
  let client: LspClient;
  let tmp: string;
  let cli: CliResult;
  /** each case's file after `--fix`, and after a second `--fix` on that */
  const fixedByCli = new Map<string, string>();
  const fixedTwice = new Map<string, string>();
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-fixall-'));
    const files = CASES.map((c) => path.join(tmp, c.file));
    CASES.forEach((c, i) => fs.writeFileSync(files[i], c.text));
    // one run of the CLI fixes every case's file, as in a project; a second run must change nothing
    // the shipped CLI bundle, run in this process (test/cli/runCli.ts)
    cli = await runCli(['--fix', ...files]);
    CASES.forEach((c, i) => fixedByCli.set(c.file, fs.readFileSync(files[i], 'utf8')));
    await runCli(['--fix', ...files]);
    CASES.forEach((c, i) => fixedTwice.set(c.file, fs.readFileSync(files[i], 'utf8')));
    client = await sharedServer();
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The editor's fix-all edits for a text (none when it offers no fix-all). */
  async function editorFixAll(uri: string, text: string, version: 'open' | 'change'): Promise<TextEdit[] | undefined> {
    if (version === 'open') {
      client.open(uri, text);
    } else {
      client.change(uri, text);
    }
    const actions = (await client.codeActions(uri, WHOLE, [], ['source.fixAll'])) ?? [];
    const fixAll = actions.filter((a) => a.kind === 'source.fixAll.iamPolicy');
    assert.ok(fixAll.length <= 1, 'at most one fix-all action');
    return fixAll[0] ? editsOf(fixAll[0], uri) : undefined;
  }

  for (const c of CASES) {
    test(`${c.name}: the same text as --fix, in one minimal edit set, and a second fix-all changes nothing`, async () => {
      const file = path.join(tmp, c.file);
      assert.ok(cli.code === 0 || cli.code === 1, cli.stderr);
      const byCli = fixedByCli.get(c.file);
      assert.notEqual(byCli, c.text, 'the CLI fixed something');

      const uri = pathToFileURL(file).href;
      const edits = await editorFixAll(uri, c.text, 'open');
      assert.ok(edits && edits.length > 0, 'the editor offers fix-all');
      const document = TextDocument.create(uri, 'json', 1, c.text);
      const fixedByEditor = TextDocument.applyEdits(document, edits);
      assert.equal(fixedByEditor, byCli);

      // minimal: no edit reaches over a line that both texts share at its start or end
      const firstLine = c.text.slice(0, c.text.indexOf('\n') + 1);
      const lastLines = c.text.slice(c.text.lastIndexOf('\n', c.text.length - 2));
      for (const e of edits) {
        assert.ok(document.offsetAt(e.range.start) >= firstLine.length, `edit ${JSON.stringify(e)} spares the first line`);
        assert.ok(document.offsetAt(e.range.end) <= c.text.length - lastLines.length, `edit ${JSON.stringify(e)} spares the last line`);
      }

      // idempotent: fix-all on its own result offers nothing more, and --fix agrees
      assert.equal(await editorFixAll(uri, fixedByEditor, 'change'), undefined);
      assert.equal(fixedTwice.get(c.file), byCli);
      client.close(uri);
    });
  }
});
