// npm run bench: the numbers behind "instant". Prints a table; nothing here is a pass/fail test.
//   - language server over stdio: cold start, completion / hover / diagnostics / code actions
//     p50 and p99 (200 requests each) on a small, a 6 KB and a ~1 MB policy, server RSS;
//   - Access Analyzer: the remote path's added latency against a loopback fake, and requests
//     sent while typing with validateOn "change";
//   - CLI: throughput on 10,000 generated 1-2 KB policies and peak RSS; a 5,000-line
//     CloudFormation template.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
console.log('building...');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { stdio: 'inherit', cwd: root });
const { LspClient } = require(path.join(root, 'out', 'test', 'lsp', 'harness.js'));
const { FakeAccessAnalyzer, FAKE_CREDENTIALS_ENV } = require(path.join(root, 'out', 'test', 'accessAnalyzer', 'fakeServer.js'));

const rows = [];
const record = (area, what, value, target = '') => {
  rows.push({ area, what, value, target });
  console.log(`  ${area.padEnd(16)} ${what.padEnd(58)} ${String(value).padStart(12)}  ${target}`);
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (n) => `${n.toFixed(2)} ms`;
async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), peak: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

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
  let n = 1;
  while (policyOf(n + 1).length <= size) n++;
  const text = policyOf(n);
  const pad = size - text.length;
  return text.replace(`"Sid": "Stmt${n - 1}"`, `"Sid": "Stmt${n - 1}${'x'.repeat(pad)}"`);
}
const docs = [
  { name: 'small (1 statement)', text: policyOf(1) },
  { name: '6,144 characters (the managed-policy limit)', text: fitTo(6144) },
  { name: '~1 MB (2,000 statements)', text: policyOf(2000) },
];

// ---- language server ------------------------------------------------------------------------
console.log('\nlanguage server (stdio, real process)');
{
  const start = performance.now();
  const client = new LspClient();
  await client.initialize();
  const initMs = performance.now() - start;
  record('server', 'cold start: spawn -> initialize result', ms(initMs), 'target <= 300 ms');
  client.open('file:///bench/warm.json', policyOf(1));
  const firstCompletion = await time(() => client.complete('file:///bench/warm.json', { line: 6, character: 10 }));
  record('server', 'first completion (includes loading the IAM catalog)', ms(firstCompletion));
  const loaded = client.notifications.map((n) => n.params?.message ?? '').find((m) => /IAM catalog loaded in/.test(m));
  record('server', 'IAM catalog load (server log)', loaded ? `${/loaded in (\d+) ms/.exec(loaded)[1]} ms` : 'n/a');
  for (const [i, doc] of docs.entries()) {
    if (i === 2) {
      const mem = rssKb(client.child.pid);
      record('server', 'RSS with the small and 6 KB documents open (now / peak)', `${(mem.rss / 1024).toFixed(0)} / ${(mem.peak / 1024).toFixed(0)} MB`, 'target <= 100 MB');
    }
    const uri = `file:///bench/doc${i}.json`;
    client.open(uri, doc.text);
    const lines = doc.text.split('\n');
    // the last statement's first action: the far end of a big document
    const line = lines.lastIndexOf(lines.find((l, k) => k > lines.length - 40 && l.includes('"s3:GetObject"')) ?? lines[6]);
    const col = lines[line].indexOf('s3:GetOb') + 8;
    // the first request after opening parses and models the document: reported on its own
    const firstRequest = await time(() => client.complete(uri, { line, character: col }));
    record('server', `${doc.name}: first request after opening (parse + model)`, ms(firstRequest));
    const completion = [];
    const hover = [];
    const diagnostics = [];
    const actions = [];
    const n = i === 2 ? 50 : 200;
    for (let k = 0; k < n; k++) {
      completion.push(await time(() => client.complete(uri, { line, character: col })));
      hover.push(await time(() => client.hover(uri, { line, character: col - 2 })));
    }
    let diags = [];
    for (let k = 0; k < (i === 2 ? 10 : 50); k++) {
      // a real edit each time, so nothing is served from a cache
      client.change(uri, `${doc.text}${' '.repeat(k + 1)}`);
      diagnostics.push(await time(async () => (diags = await client.diagnostics(uri))));
    }
    const d = diags[0];
    for (let k = 0; k < (i === 2 ? 10 : 50); k++) {
      const range = d ? d.range : { start: { line, character: col }, end: { line, character: col } };
      actions.push(await time(() => client.codeActions(uri, range, d ? [d] : [], undefined)));
    }
    record('server', `${doc.name}: completion p50 / p99 (${n})`, `${ms(quantile(completion, 0.5))} / ${ms(quantile(completion, 0.99))}`, i === 1 ? 'target p99 <= 5 ms' : 'target p99 <= 50 ms');
    record('server', `${doc.name}: hover p50 / p99 (${n})`, `${ms(quantile(hover, 0.5))} / ${ms(quantile(hover, 0.99))}`, i === 1 ? 'target p99 <= 5 ms' : 'target p99 <= 50 ms');
    record('server', `${doc.name}: diagnostics after an edit p50 / max`, `${ms(quantile(diagnostics, 0.5))} / ${ms(Math.max(...diagnostics))}`, i === 2 ? 'target < 500 ms' : 'target < 50 ms');
    record('server', `${doc.name}: code actions p50 / p99`, `${ms(quantile(actions, 0.5))} / ${ms(quantile(actions, 0.99))}`, i === 1 ? 'target p99 <= 10 ms' : '');
  }
  const mem = rssKb(client.child.pid);
  record('server', 'RSS after the 1 MB document too (now / peak)', `${(mem.rss / 1024).toFixed(0)} / ${(mem.peak / 1024).toFixed(0)} MB`);
  await client.shutdown();
}

// ---- Access Analyzer ------------------------------------------------------------------------
console.log('\nAccess Analyzer (real SDK, loopback fake server)');
{
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
console.log('\nCLI (bin/iam-policy-lint, one process)');
{
  const dir = path.join(os.tmpdir(), 'iam-policy-bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < 10000; i++) {
    const n = 3 + (i % 4);
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: Array.from({ length: n }, (_, k) => ({
          Sid: `Statement${k}`,
          Effect: 'Allow',
          Action: k % 2 ? ['s3:ListBucket', 's3:GetBucketLocation'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          Resource: k % 2 ? `arn:aws:s3:::bucket-${i}` : `arn:aws:s3:::bucket-${i}/home/\${aws:username}/*`,
          Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i % 50}` } },
        })),
      },
      null,
      2,
    );
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
      child.on('close', (code) => resolve({ code, ms: performance.now() - t, stats: JSON.parse(stderr.trim().split('\n').pop() || '{}') }));
    });
  const r = await run([dir]);
  record('cli', `10,000 policies (${(bytes / 10000 / 1024).toFixed(1)} KB average): wall time`, ms(r.ms));
  record('cli', 'throughput (one process, one core)', `${Math.round((r.stats.files / r.ms) * 1000)} policies/s`, 'target >= 2,000/s');
  record('cli', 'peak RSS', `${(r.stats.maxRssKb / 1024).toFixed(0)} MB`, 'target <= 200 MB');
  // a 5,000-line CloudFormation template
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  let k = 0;
  while (lines.length < 5000) {
    lines.push(`  Role${k}:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', '            Principal:', '              Service: lambda.amazonaws.com', '            Action: sts:AssumeRole', '      Policies:', `        - PolicyName: p${k}`, '          PolicyDocument:', '            Version: "2012-10-17"', '            Statement:', '              - Effect: Allow', '                Action:', '                  - s3:GetObject', '                  - s3:PutObject', `                Resource: !Sub "arn:\${AWS::Partition}:s3:::bucket-${k}/*"`);
    k++;
  }
  const template = path.join(dir, 'big-template.yaml');
  fs.writeFileSync(template, `${lines.join('\n')}\n`);
  const cfn = await run([template]);
  record('cli', `CloudFormation template, ${lines.length} lines, ${cfn.stats.policies} policies`, ms(cfn.ms), 'target <= 1 s');
  fs.rmSync(dir, { recursive: true, force: true });
}
await (await import('../bench/engine.mjs')).benchEngine(record);
console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
