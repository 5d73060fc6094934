/** headText: the committed text of a file, through hardened git; nothing for files it must not read. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { GIT_MAX_BYTES, headText, savedText } from './git';

let repo: string;
let other: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

before(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-git-'));
  other = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-git-other-'));
  git(repo, 'init', '-q');
  git(repo, 'config', 'user.email', 't@example.com');
  git(repo, 'config', 'user.name', 'T');
  git(repo, 'config', 'commit.gpgsign', 'false');
  fs.mkdirSync(path.join(repo, 'sub dir'));
  fs.writeFileSync(path.join(repo, 'sub dir', 'p.json'), 'committed');
  fs.writeFileSync(path.join(repo, 'big.json'), 'x'.repeat(GIT_MAX_BYTES + 1));
  fs.writeFileSync(path.join(repo, 'root.json'), 'in the repository');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'c');
  fs.writeFileSync(path.join(repo, 'sub dir', 'p.json'), 'edited on disk');
  fs.writeFileSync(path.join(repo, 'new.json'), 'untracked');
  fs.writeFileSync(path.join(other, 'p.json'), 'outside');
});
after(() => {
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(other, { recursive: true, force: true });
});

test('the HEAD text of a committed file (not the working tree), in a subdirectory with a space', async () => {
  assert.equal(await headText(path.join(repo, 'sub dir', 'p.json')), 'committed');
});

test('no HEAD text: an untracked file, a file outside any repository, a committed file over the size cap', async () => {
  assert.equal(await headText(path.join(repo, 'new.json')), undefined);
  assert.equal(await headText(path.join(other, 'p.json')), undefined);
  assert.equal(await headText(path.join(repo, 'big.json')), undefined);
  assert.equal(await headText(path.join(other, 'missing', 'p.json')), undefined);
});

test('GIT_* variables of the server process do not redirect git to another repository', async () => {
  const saved = process.env.GIT_DIR;
  process.env.GIT_DIR = path.join(repo, '.git');
  try {
    // with GIT_DIR honoured, a file of the same name outside would read the repository's
    fs.writeFileSync(path.join(other, 'root.json'), 'outside');
    const honoured = execFileSync('git', ['cat-file', 'blob', 'HEAD:root.json'], { cwd: other, encoding: 'utf8' });
    assert.equal(honoured, 'in the repository', 'plain git follows GIT_DIR');
    assert.equal(await headText(path.join(other, 'root.json')), undefined);
  } finally {
    if (saved === undefined) {
      delete process.env.GIT_DIR;
    } else {
      process.env.GIT_DIR = saved;
    }
  }
});

test('savedText: the file on disk, nothing for a directory or a missing file', () => {
  assert.equal(savedText(path.join(repo, 'sub dir', 'p.json')), 'edited on disk');
  assert.equal(savedText(path.join(repo, 'sub dir')), undefined);
  assert.equal(savedText(path.join(repo, 'nope.json')), undefined);
  assert.equal(savedText(path.join(repo, 'big.json')), undefined);
});
