/**
 * The "vs HEAD" access diff lens over stdio, with a temporary git repository: a lens on each
 * changed policy saying what access it gains and loses against the committed version, the diff
 * view from iamPolicy.accessDiff, the saved file as the base outside git and in an untrusted
 * workspace (where git never runs), and repository configuration that would run code is ignored.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './harness';
import { sharedServer } from './sharedServer';

const policy = (actions: string[], resources: string[]) =>
  `${JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Sid: 'App', Effect: 'Allow', Action: actions, Resource: resources }] },
    null,
    2,
  )}\n`;
const v1 = policy(['s3:GetObject'], ['arn:aws:s3:::app-data/*']);
const v2 = policy(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], ['arn:aws:s3:::app-data/*', 'arn:aws:s3:::logs/*']);

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

suite('LSP over stdio: access diff lens vs HEAD', () => {
  let repo: string;
  let outside: string;
  let marker: string;
  let trusted: LspClient;
  let untrusted: LspClient;
  let plain: LspClient;
  before(async () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-diff-repo-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-diff-nogit-'));
    marker = path.join(repo, 'fsmonitor-ran');
    git(repo, 'init', '-q');
    git(repo, 'config', 'user.email', 't@example.com');
    git(repo, 'config', 'user.name', 'T');
    git(repo, 'config', 'commit.gpgsign', 'false');
    fs.mkdirSync(path.join(repo, 'policies'));
    fs.writeFileSync(path.join(repo, 'policies', 'app.json'), v1);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    // repository configuration that would run code if git honoured it
    const hook = path.join(repo, 'monitor.sh');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    git(repo, 'config', 'core.fsmonitor', hook);
    // the working tree has v2 on disk (not committed)
    fs.writeFileSync(path.join(repo, 'policies', 'app.json'), v2);
    fs.writeFileSync(path.join(outside, 'app.json'), v1);
    trusted = new LspClient();
    await trusted.initialize({ initializationOptions: { clientCommands: ['iamPolicy.showSummary', 'iamPolicy.showAccessDiff'] } });
    untrusted = new LspClient();
    await untrusted.initialize({ initializationOptions: { isTrusted: false } });
    plain = await sharedServer({ locale: 'ja' });
  });
  after(async () => {
    await Promise.all([trusted.shutdown(), untrusted.shutdown()]);
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const diffLenses = async (client: LspClient, uri: string) =>
    ((await client.codeLenses(uri)) ?? []).filter((l) => /^vs |との差分/.test(l.command?.title ?? ''));

  test('a changed policy in git: the lens counts added actions by access level and service (GetObject on the new resource is new Read), and new resources', async () => {
    const uri = pathToFileURL(path.join(repo, 'policies', 'app.json')).href;
    trusted.open(uri, v2);
    const lenses = await diffLenses(trusted, uri);
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.range.start.line, l.command?.command, l.command?.arguments]),
      [['vs HEAD: +1 Read (s3), +2 Write (s3), +1 resource', 0, 'iamPolicy.showAccessDiff', [uri]]],
    );
    const view = (await trusted.executeCommand('iamPolicy.accessDiff', [uri])) as {
      base: string;
      title: string;
      markdown: string;
      diffs: { added: { action: string; resource: string }[]; removed: unknown[]; newResources: string[] }[];
    };
    assert.equal(view.base, 'head');
    assert.equal(view.title, 'Access changes of app.json vs HEAD');
    assert.deepEqual(view.diffs[0].newResources, ['arn:aws:s3:::logs/*']);
    assert.deepEqual(view.diffs[0].removed, []);
    assert.ok(view.diffs[0].added.some((e) => e.action === 's3:GetObject' && e.resource === 'arn:aws:s3:::logs/*'));
    assert.match(view.markdown, /^# Access changes of app\.json vs HEAD\n/);
    assert.match(view.markdown, /### \+ Added access\n\n\| Service \| Access level \| Actions \| Resources \|/);
    assert.match(
      view.markdown,
      /\| `s3` \| Read \| GetObject \| `arn:aws:s3:::logs\/\*` \|\n\| `s3` \| Write \| DeleteObject, PutObject \| `arn:aws:s3:::app-data\/\*`, `arn:aws:s3:::logs\/\*` \|/,
    );
    assert.match(view.markdown, /### New resources\n\n- `arn:aws:s3:::logs\/\*`/);
    // an edit back to the committed text: no lens
    trusted.change(uri, v1);
    assert.deepEqual(await diffLenses(trusted, uri), []);
    // removing access shows as removed
    trusted.change(uri, policy(['s3:ListBucket'], ['arn:aws:s3:::app-data', 'arn:aws:s3:::app-data/*']));
    assert.deepEqual(
      (await diffLenses(trusted, uri)).map((l) => l.command?.title),
      ['vs HEAD: +1 List (s3), −1 Read (s3), +1 resource'],
    );
    assert.ok(!fs.existsSync(marker), 'core.fsmonitor of the repository never ran');
  });

  test('untrusted workspace: git never runs; the base is the saved file (here equal to the buffer: no lens)', async () => {
    const uri = pathToFileURL(path.join(repo, 'policies', 'app.json')).href;
    untrusted.open(uri, v2);
    assert.deepEqual(await diffLenses(untrusted, uri), []);
    untrusted.change(uri, v1);
    assert.deepEqual(
      (await diffLenses(untrusted, uri)).map((l) => l.command?.title),
      ['vs the saved file: −1 Read (s3), −2 Write (s3)'],
    );
    assert.ok(!fs.existsSync(marker));
  });

  test('a file outside git compares with its saved version; a plain client gets a command the server runs (Japanese)', async () => {
    const uri = pathToFileURL(path.join(outside, 'app.json')).href;
    plain.open(uri, v2);
    const lenses = await diffLenses(plain, uri);
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.command?.command, l.command?.arguments]),
      [['保存済みのファイル との差分: +1 読み取り (s3), +2 書き込み (s3), リソース +1', 'iamPolicy.accessDiff', [uri, { show: true }]]],
    );
    const shown = plain.waitFor<{ message: string }>('window/showMessage', (p) => p.message.startsWith('# app.json'));
    const r = (await plain.executeCommand('iamPolicy.accessDiff', lenses[0].command?.arguments ?? [])) as {
      base: string;
      markdown: string;
    };
    assert.equal(r.base, 'saved');
    assert.match(r.markdown, /^# app\.json のアクセスの変更 \(保存済みのファイル との比較\)/);
    assert.match(r.markdown, /### \+ 追加されたアクセス/);
    assert.equal((await shown).message, r.markdown);
    // a document over 64 KB gets no diff lens (the comparison runs on every edit)
    plain.change(uri, `${v2}${' '.repeat(64 * 1024)}`);
    assert.deepEqual(await diffLenses(plain, uri), []);
    // a document that is not on disk has no base
    const untitled = pathToFileURL(path.join(outside, 'never-saved.json')).href;
    plain.open(untitled, v2);
    assert.deepEqual(await diffLenses(plain, untitled), []);
    const none = (await plain.executeCommand('iamPolicy.accessDiff', [untitled])) as { error?: string };
    assert.match(none.error ?? '', /比較する以前のバージョンがありません/);
  });
});
