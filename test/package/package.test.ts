/**
 * The npm package as Neovim, Helix and CI users install it: `npm pack` (prepack builds the
 * production bundles) on a copy of the checkout, `npm install -g <tarball> --offline` into a
 * temporary prefix, then both installed bins: the server answers initialize and a completion
 * over stdio, the CLI lints a policy with the expected exit code.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { CompletionItem, CompletionList, InitializeResult } from 'vscode-languageserver-protocol';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** npm's own environment (npm_config_*, from `npm test`) must not steer the nested npm. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && k !== 'INIT_CWD') {
      env[k] = v;
    }
  }
  return { ...env, ...extra };
}

let tmp: string;
let tarball: string;
let prefix: string;
let files: string[];

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-package-'));
  // a copy of the checkout's sources (never its dist/ or out/), so packing builds from scratch
  // and the production build does not replace the bundles other tests are using
  const copy = path.join(tmp, 'checkout');
  const skip = new Set(['node_modules', 'out', 'dist', '.git', '.bench', 'test']);
  fs.cpSync(root, copy, {
    recursive: true,
    filter: (src) => !(path.dirname(src) === root && skip.has(path.basename(src))) && !src.endsWith('.vsix') && !src.endsWith('.tgz'),
  });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const npmCache = path.join(tmp, 'npm-cache');
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: copy,
    encoding: 'utf8',
    env: cleanEnv({ npm_config_cache: npmCache }),
    timeout: 300_000,
  });
  assert.equal(packed.status, 0, packed.stderr);
  assert.doesNotMatch(packed.stderr, /falling back to|\.gitignore/i, '.npmignore decides what ships');
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info[0].filename);
  files = info[0].files.map((f) => f.path);
  prefix = path.join(tmp, 'prefix');
  const installed = spawnSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
    encoding: 'utf8',
    env: cleanEnv({ npm_config_cache: npmCache }),
    timeout: 300_000,
  });
  assert.equal(installed.status, 0, `offline install failed:\n${installed.stderr}`);
  assert.doesNotMatch(installed.stderr, /allowScripts|install script/i, 'no install scripts to allow');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

suite('npm package', () => {
  test('ships the bundles, catalog, rule docs, snippets, README and LICENSE, and nothing else', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/ci.md',
      'bin/iam-policy-lint',
      'bin/iam-policy-language-server',
      'dist/server.js',
      'dist/cli.js',
      'dist/access-analyzer.js',
      'dist/iam-catalog.jsonl',
      'dist/managed-policies.bin',
      'dist/web-tree-sitter.wasm',
      'dist/tree-sitter-terraform.wasm',
      'dist/rules/resource-star.md',
      'snippets/iam-policy.code-snippets',
    ]) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    const stray = files.filter(
      (f) => /\.(ts|map|png)$/.test(f) || /^(server|client|test|scripts|examples|data|syntaxes)\//.test(f) || f === 'dist/extension.js',
    );
    assert.deepEqual(stray, [], 'no sources, tests or source maps');
    const manifest = JSON.parse(fs.readFileSync(path.join(prefix, 'lib', 'node_modules', pkg.name, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'zero runtime dependencies: the bundles hold them');
    const installScripts = Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s));
    assert.deepEqual(installScripts, [], 'no install scripts');
    assert.ok(fs.statSync(tarball).size < 5_000_000, `tarball ${fs.statSync(tarball).size} bytes`);
  });

  test('the installed iam-policy-lint lints a policy with the expected exit code', () => {
    const dir = path.join(tmp, 'work');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'admin.policy.json'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    );
    fs.writeFileSync(
      path.join(dir, 'read.policy.json'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }),
    );
    const lint = (...args: string[]) =>
      spawnSync(path.join(prefix, 'bin', 'iam-policy-lint'), ['--no-color', ...args], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    const bad = lint('admin.policy.json');
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /^admin\.policy\.json:1:\d+ warning full-admin /m);
    const good = lint('read.policy.json');
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /✔ no problems in 1 file/);
    assert.equal(lint('--version').stdout.trim(), pkg.version);
    const sarif = JSON.parse(lint('--format', 'sarif', 'admin.policy.json').stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    for (const rule of sarif.runs[0].tool.driver.rules) {
      assert.ok(fs.existsSync(new URL(rule.helpUri)), `${rule.id}: ${rule.helpUri} exists in the installed package`);
    }
  });

  test('the installed iam-policy-language-server answers initialize and a completion over stdio', async () => {
    const child = spawn(path.join(prefix, 'bin', 'iam-policy-language-server'), ['--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: cleanEnv(),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const init = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      assert.ok(init.capabilities.completionProvider, 'completion is offered');
      await connection.sendNotification('initialized', {});
      const uri = 'file:///tmp/work/s3.policy.json';
      const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObj", "Resource": "*" }]\n}\n';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      const character = text.split('\n')[2].indexOf('s3:GetObj') + 's3:GetObj'.length;
      const result = await connection.sendRequest<CompletionList | CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 2, character },
      });
      const items = Array.isArray(result) ? result : result.items;
      assert.ok(
        items.some((i) => /GetObject$/.test(i.label) || i.label === 's3:GetObject'),
        `s3:GetObject offered among ${items.length} items`,
      );
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
