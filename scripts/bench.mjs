// npm run bench: the numbers behind "instant". Prints a table; nothing here is a pass/fail test.
//   - language server over stdio, side by side with vscode-json-language-server on the same documents
//     in the same run (ratios to it are printed, since absolute times on shared machines vary by
//     +-30%): spawn -> initialize and -> first diagnostics, completion at "ec2:Sta|" (time, bytes,
//     items, isIncomplete), typing "Sta" after "ec2:" as a client honouring isIncomplete would,
//     hover, diagnostics after an edit on 1 KB / 6 KB / 100 KB / 1 MB (time, bytes, count), RSS;
//   - completion's server time in-process (no pipe), p50 / p99;
//   - Access Analyzer: the remote path's added latency against a loopback fake, and requests
//     sent while typing with validateOn "change";
//   - CLI: throughput on a mixed corpus of real policies (test/corpus, /work/shared/corpus when
//     present) and generated variants, one core and --jobs; a 5,000-line CloudFormation template.
// Other streams add sections as modules under scripts/bench/ (see "more sections" below).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RawLspClient, itemsOf } from './bench/rawLsp.mjs';
import { record, quantile, ms, time, kb, ratio } from './bench/report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
console.log('building...');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { stdio: 'inherit', cwd: root });
const { LspClient } = require(path.join(root, 'out', 'test', 'lsp', 'harness.js'));
const { FakeAccessAnalyzer, FAKE_CREDENTIALS_ENV } = require(path.join(root, 'out', 'test', 'accessAnalyzer', 'fakeServer.js'));
const only = new Set(process.argv.slice(2)); // e.g. `npm run bench -- server cli`
const section = (name) => only.size === 0 || only.has(name);

// ---- documents ---------------------------------------------------------------------------
const statement = (i) => ({
  Sid: `Stmt${i}`,
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:PutObject', `ec2:${i % 2 ? 'StartInstances' : 'StopInstances'}`, 'dynamodb:GetItem'],
  Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:ec2:us-east-1:111122223333:instance/i-${String(i).padStart(17, '0')}`, `arn:aws:dynamodb:us-east-1:111122223333:table/T${i}`],
  Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i}` }, Bool: { 'aws:SecureTransport': 'true' } },
});
const policyOf = (n) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: n }, (_, i) => statement(i)) }, null, 2);
/** A policy of exactly `size` characters: whole statements, then padding inside the last Sid. */
function fitTo(size) {
  let n = Math.max(1, Math.floor(size / (policyOf(2).length - policyOf(1).length)) - 1);
  while (n > 1 && policyOf(n).length > size) n--;
  while (policyOf(n + 1).length <= size) n++;
  const text = policyOf(n);
  const pad = size - text.length;
  return text.replace(`"Sid": "Stmt${n - 1}"`, `"Sid": "Stmt${n - 1}${'x'.repeat(pad)}"`);
}
const sizes = [
  { name: '1 KB', size: 1024 },
  { name: '6 KB', size: 6144 },
  { name: '100 KB', size: 100 * 1024 },
  { name: '1 MB', size: 1024 * 1024 },
];
for (const s of sizes) s.text = fitTo(s.size);
const six = sizes[1].text;
/** The 6 KB policy with its last statement's `ec2:St*Instances` action replaced by `typed`; caret after it. */
function withAction(text, typed) {
  const at = text.lastIndexOf('"ec2:St');
  const end = text.indexOf('"', at + 1);
  const edited = `${text.slice(0, at + 1)}${typed}${text.slice(end)}`;
  return { text: edited, position: positionAt(edited, at + 1 + typed.length) };
}
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
/** An edit inside the last statement (a new Sid suffix), so nothing is served from a cache. */
function edited(text, k) {
  const at = text.lastIndexOf('"Sid": "Stmt');
  return `${text.slice(0, at + 8)}e${k}${text.slice(at + 8)}`;
}

const ours = [process.execPath, path.join(root, 'dist', 'server.js'), '--stdio'];
const jsonServerBin = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server');
const theirs = fs.existsSync(jsonServerBin) ? [process.execPath, jsonServerBin, '--stdio'] : undefined;
const servers = [{ name: 'ours', command: ours }, ...(theirs ? [{ name: 'json', command: theirs }] : [])];
if (!theirs) console.log('(vscode-langservers-extracted is not installed: no json-server comparison; run npm ci)');

// ---- language server ------------------------------------------------------------------------
if (section('server')) {
  console.log('\nlanguage server (stdio, real processes; ratio = ours / vscode-json-language-server)');
  const fig = {}; // fig[server][measure] = number
  const put = (server, key, value) => ((fig[server] ??= {})[key] = value);
  const compare = (what, key, format, target = '') => {
    const a = fig.ours?.[key];
    const b = fig.json?.[key];
    record('server', what, `${format(a)}${b !== undefined ? ` | json ${format(b)} | ${ratio(a, b)}` : ''}`, target);
  };
  // spawn -> initialize, spawn -> first diagnostics on the 6 KB policy (median of 5 fresh processes)
  for (const server of servers) {
    const init = [];
    const first = [];
    for (let k = 0; k < 5; k++) {
      const client = new RawLspClient(server.command);
      await client.initialize();
      init.push(performance.now() - client.spawnedAt);
      client.open('file:///bench/first.json', six);
      await client.diagnostics('file:///bench/first.json');
      first.push(performance.now() - client.spawnedAt);
      if (k === 0) {
        await new Promise((r) => setTimeout(r, 300));
        put(server.name, 'rssFirst', client.rssKb().rss);
      }
      await client.shutdown();
    }
    put(server.name, 'init', quantile(init, 0.5));
    put(server.name, 'first', quantile(first, 0.5));
  }
  compare('spawn -> initialize result (median of 5)', 'init', ms);
  compare('spawn -> first diagnostics, 6 KB policy (median of 5)', 'first', ms, 'goal <= 200 ms');

  for (const server of servers) {
    const client = new RawLspClient(server.command);
    await client.initialize();
    await new Promise((r) => setTimeout(r, 500));
    put(server.name, 'rssIdle', client.rssKb().rss);
    // completion at "ec2:Sta|"
    const uri = 'file:///bench/complete.json';
    const at = withAction(six, 'ec2:Sta');
    client.open(uri, at.text);
    await client.complete(uri, at.position);
    const times = [];
    let last;
    for (let k = 0; k < 200; k++) {
      last = await client.complete(uri, at.position);
      times.push(last.ms);
    }
    put(server.name, 'staP50', quantile(times, 0.5));
    put(server.name, 'staP99', quantile(times, 0.99));
    put(server.name, 'staBytes', last.bytes);
    put(server.name, 'staItems', itemsOf(last.result).length);
    put(server.name, 'staIncomplete', last.result?.isIncomplete ? 1 : 0);
    // s3:GetOb (camel-case prefix)
    const getOb = withAction(six, 's3:GetOb');
    client.change(uri, getOb.text);
    const g = await client.complete(uri, getOb.position);
    put(server.name, 'getObBytes', g.bytes);
    put(server.name, 'getObItems', itemsOf(g.result).length);
    put(server.name, 'getObHasGetObject', itemsOf(g.result).some((i) => i.label === 's3:GetObject' || i.label === '"s3:GetObject"') ? 1 : 0);
    // typing "Sta" after "ec2:": ask at "ec2:" then once per keystroke while the list is incomplete
    let lists = 0;
    let bytes = 0;
    let incomplete = true;
    for (const typed of ['ec2:', 'ec2:S', 'ec2:St', 'ec2:Sta']) {
      const step = withAction(six, typed);
      client.change(uri, step.text);
      if (lists === 0 || incomplete) {
        const r = await client.complete(uri, step.position);
        lists++;
        bytes += r.bytes;
        incomplete = Boolean(r.result?.isIncomplete);
      }
    }
    put(server.name, 'typingLists', lists);
    put(server.name, 'typingBytes', bytes);
    // hover on an action
    const hv = withAction(six, 's3:GetObject');
    client.change(uri, hv.text);
    const hoverMs = [];
    for (let k = 0; k < 100; k++) hoverMs.push((await client.hover(uri, { ...hv.position, character: hv.position.character - 3 })).ms);
    put(server.name, 'hoverP50', quantile(hoverMs, 0.5));
    put(server.name, 'rssSmall', client.rssKb().rss);
    // diagnostics after an edit, per size
    for (const s of sizes) {
      const duri = `file:///bench/${s.name.replace(' ', '')}.json`;
      client.open(duri, s.text);
      await client.diagnostics(duri);
      const runs = s.size > 200000 ? 8 : s.size > 50000 ? 20 : 50;
      const d = [];
      let r;
      for (let k = 0; k < runs; k++) {
        client.change(duri, edited(s.text, k));
        r = await client.diagnostics(duri);
        d.push(r.ms);
      }
      put(server.name, `diag${s.name}`, quantile(d, 0.5));
      put(server.name, `diagBytes${s.name}`, r.bytes);
      put(server.name, `diagCount${s.name}`, r.result?.items?.length ?? 0);
    }
    await new Promise((r) => setTimeout(r, 300));
    put(server.name, 'rss1mb', client.rssKb().rss);
    put(server.name, 'peak', client.rssKb().peak);
    await client.shutdown();
  }
  const count = (n) => String(n ?? 'n/a');
  const yes = (n) => (n ? 'yes' : 'no');
  compare('completion "ec2:Sta|" round trip p50', 'staP50', ms);
  compare('completion "ec2:Sta|" round trip p99', 'staP99', ms, 'goal p99 <= 1 ms (server time, below)');
  compare('completion "ec2:Sta|" response', 'staBytes', kb, 'goal <= 10 KB');
  compare('completion "ec2:Sta|" items', 'staItems', count);
  compare('completion "ec2:Sta|" isIncomplete', 'staIncomplete', yes);
  compare('completion "s3:GetOb|" response', 'getObBytes', kb);
  compare('completion "s3:GetOb|" items', 'getObItems', count);
  compare('completion "s3:GetOb|" offers s3:GetObject', 'getObHasGetObject', yes);
  compare('typing "Sta" after "ec2:": lists requested', 'typingLists', count);
  compare('typing "Sta" after "ec2:": bytes in all', 'typingBytes', kb, 'goal <= 30 KB');
  compare('hover p50', 'hoverP50', ms);
  for (const s of sizes) {
    compare(`diagnostics after an edit, ${s.name}: p50`, `diag${s.name}`, ms, s.name === '6 KB' ? 'goal <= 2 ms' : s.name === '1 MB' ? 'goal <= 200 ms' : '');
    compare(`diagnostics after an edit, ${s.name}: payload (diagnostics)`, `diagBytes${s.name}`, (b) => (b === undefined ? 'n/a' : `${kb(b)} (${fig.ours?.[`diagCount${s.name}`] ?? '?'})`));
  }
  if (fig.ours) {
    const per = sizes.map((s) => fig.ours[`diag${s.name}`] / (s.size / 1024));
    record('server', 'diagnostics ms per KB at 1 KB / 6 KB / 100 KB / 1 MB (ours)', per.map((x) => x.toFixed(3)).join(' / '), 'linear: flat or falling');
  }
  const mb = (k) => (k === undefined ? 'n/a' : `${(k / 1024).toFixed(0)} MB`);
  compare('RSS idle (initialized, no documents)', 'rssIdle', mb, 'goal <= 60 MB');
  compare('RSS after first diagnostics of a 6 KB policy', 'rssFirst', mb);
  compare('RSS with the small documents open', 'rssSmall', mb);
  compare('RSS with the 1 MB document open too', 'rss1mb', mb, 'goal <= 100 MB');
  compare('peak RSS', 'peak', mb);
}

// ---- completion server time (in process) --------------------------------------------------------
if (section('server')) {
  console.log('\ncompletion server time (in process: the handler without the pipe)');
  const { getCompletions } = require(path.join(root, 'out', 'server', 'src', 'features', 'completion', 'completion.js'));
  const { policyOf: modelOf, testCatalog, textDocument } = require(path.join(root, 'out', 'server', 'src', 'testing', 'fixtures.js'));
  const catalog = testCatalog();
  for (const typed of ['ec2:Sta', 'ec2:', 's3:GetOb']) {
    const at = withAction(six, typed);
    const document = textDocument(at.text);
    const policy = modelOf(at.text);
    const offset = document.offsetAt(at.position);
    const t = [];
    for (let k = 0; k < 500; k++) {
      const s = performance.now();
      JSON.stringify(getCompletions({ catalog, document, policy, templates: [] }, offset));
      t.push(performance.now() - s);
    }
    record('completion', `"${typed}|" in the 6 KB policy: compute + encode p50 / p99 (500)`, `${ms(quantile(t, 0.5))} / ${ms(quantile(t, 0.99))}`, typed === 'ec2:Sta' ? 'goal p99 <= 1 ms' : '');
  }
}

// ---- Access Analyzer ------------------------------------------------------------------------
if (section('accessAnalyzer')) {
  console.log('\nAccess Analyzer (real SDK, loopback fake server)');
  const fake = new FakeAccessAnalyzer();
  await fake.start();
  const env = { ...FAKE_CREDENTIALS_ENV, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
  const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "iam:PassRole"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}';
  const local = new LspClient({ env });
  await local.initialize();
  local.open('file:///bench/aa.json', policy);
  await local.diagnostics('file:///bench/aa.json');
  const localMs = [];
  for (let k = 0; k < 20; k++) localMs.push(await time(() => local.diagnostics('file:///bench/aa.json')));
  await local.shutdown();
  const remote = new LspClient({ env, settings: { accessAnalyzer: { enable: true, endpoint: fake.url, validateOn: 'manual' } } });
  await remote.initialize();
  remote.open('file:///bench/aa.json', policy);
  const first = await time(() => remote.executeCommand('iamPolicy.accessAnalyzer.validate', ['file:///bench/aa.json']));
  const remoteMs = [];
  for (let k = 0; k < 20; k++) {
    remote.change('file:///bench/aa.json', `${policy}${' '.repeat(k + 1)}`);
    remoteMs.push(await time(() => remote.executeCommand('iamPolicy.accessAnalyzer.validate', ['file:///bench/aa.json'])));
  }
  record('accessAnalyzer', 'local diagnostics p50 (for comparison)', ms(quantile(localMs, 0.5)));
  record('accessAnalyzer', 'first validation (loads the SDK bundle)', ms(first));
  record('accessAnalyzer', 'validation round trip p50 (SDK + signing + HTTP)', ms(quantile(remoteMs, 0.5)));
  await remote.shutdown();

  // typing: 40 edits 25 ms apart with a 300 ms debounce
  const typing = new LspClient({ env, settings: { accessAnalyzer: { enable: true, endpoint: fake.url, validateOn: 'change', debounce: 300 } } });
  await typing.initialize();
  const uri = 'file:///bench/typing.json';
  typing.open(uri, policy);
  await new Promise((r) => setTimeout(r, 500));
  const before = fake.requests.length;
  const t0 = performance.now();
  for (let k = 0; k < 40; k++) {
    typing.change(uri, `${policy}${' '.repeat(k + 1)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const typedMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 800));
  record('accessAnalyzer', `typing 40 edits over ${(typedMs / 1000).toFixed(1)} s (debounce 300 ms): requests`, fake.requests.length - before, 'target <= 1 per debounce window');
  await typing.shutdown();
  await fake.stop();
}

// ---- CLI ---------------------------------------------------------------------------------------
/** Real policies: those of the corpus cases (ours, and the shared one when present) and examples/. */
function realPolicies() {
  const texts = [];
  for (const dir of [path.join(root, 'test', 'corpus', 'cases'), '/work/shared/corpus']) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const c = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
        const text = typeof c.policyText === 'string' ? c.policyText : c.policy ? JSON.stringify(c.policy, null, 2) : undefined;
        if (text) texts.push(text);
      } catch {
        // not a case file
      }
    }
  }
  const examples = path.join(root, 'examples');
  for (const name of fs.existsSync(examples) ? fs.readdirSync(examples) : []) {
    if (name.endsWith('.json')) texts.push(fs.readFileSync(path.join(examples, name), 'utf8'));
  }
  return texts;
}
/** Variant `i` of a real policy: other account ids, bucket and role names, Sids (same shape, new strings). */
function variant(text, i) {
  const account = String(100000000000 + ((i * 7919) % 899999999999)).padStart(12, '0');
  return text
    .replace(/\b\d{12}\b/g, account)
    .replace(/(arn:aws:s3:::)([a-z0-9.-]+)/g, (_, a, b) => `${a}${b}-${i}`)
    .replace(/(:(?:role|user|policy|table|function|key|secret|parameter)\/)([A-Za-z0-9_+=,.@-]+)/g, (_, a, b) => `${a}${b}${i}`)
    .replace(/("Sid"\s*:\s*")([^"]*)"/g, (_, a, b) => `${a}${b}${i}"`);
}
if (section('cli')) {
  const cores = os.cpus().length;
  console.log(`\nCLI (bin/iam-policy-lint; ${cores} cores)`);
  const dir = path.join(os.tmpdir(), `iam-policy-bench-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const real = realPolicies();
  const count = 4000;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = variant(real[i % real.length], i);
    bytes += text.length;
    fs.writeFileSync(path.join(dir, `p${i}-policy.json`), text);
  }
  const run = (args) =>
    new Promise((resolve) => {
      const t = performance.now();
      const child = spawn(process.execPath, [path.join(root, 'bin', 'iam-policy-lint'), ...args], { env: { ...process.env, IAM_POLICY_LINT_STATS: '1', NO_COLOR: '1' } });
      let stderr = '';
      child.stdout.resume();
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => {
        let stats = {};
        try {
          stats = JSON.parse(stderr.trim().split('\n').pop() || '{}');
        } catch {
          // no stats line (input errors): the figures show n/a
        }
        resolve({ code, ms: performance.now() - t, stats });
      });
    });
  const files = (r) => r.stats.files ?? 0;
  const one = [];
  for (let k = 0; k < 3; k++) one.push(await run(['--jobs', '1', dir]));
  one.sort((a, b) => a.ms - b.ms);
  const best = one[1];
  record('cli', `${count} policies (${real.length} real ones and variants, ${(bytes / count / 1024).toFixed(1)} KB avg): --jobs 1`, ms(best.ms), 'median of 3');
  record('cli', 'throughput, one core (including start-up)', `${Math.round((files(best) / best.ms) * 1000)} /s`, 'goal >= 5,000 /s/core');
  record('cli', 'peak RSS, --jobs 1', `${((best.stats.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
  const all = await run(['--jobs', String(cores), dir]);
  record('cli', `throughput, --jobs ${cores}`, `${Math.round((files(all) / all.ms) * 1000)} /s`, `${(((files(all) / all.ms) * 1000) / cores).toFixed(0)} /s/core`);
  // a 5,000-line CloudFormation template
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  let k = 0;
  while (lines.length < 5000) {
    lines.push(`  Role${k}:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', '            Principal:', '              Service: lambda.amazonaws.com', '            Action: sts:AssumeRole', '      Policies:', `        - PolicyName: p${k}`, '          PolicyDocument:', '            Version: "2012-10-17"', '            Statement:', '              - Effect: Allow', '                Action:', '                  - s3:GetObject', '                  - s3:PutObject', `                Resource: !Sub "arn:\${AWS::Partition}:s3:::bucket-${k}/*"`);
    k++;
  }
  const templateDir = path.join(dir, 'cfn');
  fs.mkdirSync(templateDir);
  const template = path.join(templateDir, 'big-template.yaml');
  fs.writeFileSync(template, `${lines.join('\n')}\n`);
  const cfn = await run([template]);
  record('cli', `CloudFormation template, ${lines.length} lines, ${cfn.stats.policies ?? '?'} policies`, ms(cfn.ms), 'target <= 1 s');
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---- more sections ------------------------------------------------------------------------------
// Other areas add their section as a module under scripts/bench/ that imports { record, ... } from
// ./bench/report.mjs, with one line here, e.g.:
//   if (section('engine')) await import('./bench/engine.mjs');

console.log(`\n${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
