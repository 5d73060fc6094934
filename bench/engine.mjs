// npm run bench, the evaluation engine's section: one request against a 6 KB policy (target
// <= 50 µs), the same with the explanation read, and an access diff of two 6 KB policies.
// Usable alone too: `node bench/engine.mjs` (after `npx tsc -b`).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** A policy of about `size` characters, shaped like real ones: several services, ARNs, conditions. */
function policyOf(size, variant = 0) {
  const statement = (i) => ({
    Sid: `Stmt${i}`,
    Effect: i % 7 === 6 ? 'Deny' : 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', `ec2:${i % 2 ? 'StartInstances' : 'StopInstances'}`, 'dynamodb:GetItem', `sqs:Send*`],
    Resource: [
      `arn:aws:s3:::bucket-${i}/*`,
      `arn:aws:ec2:us-east-1:111122223333:instance/i-${String(i).padStart(17, '0')}`,
      `arn:aws:dynamodb:us-east-1:111122223333:table/T${i}${variant && i === 0 ? '*' : ''}`,
    ],
    Condition: {
      StringEquals: { 'aws:PrincipalTag/team': `team-${i}` },
      Bool: { 'aws:SecureTransport': 'true' },
      IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
    },
  });
  const text = (n) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: n }, (_, i) => statement(i)) }, null, 2);
  let n = 1;
  while (text(n + 1).length <= size) n++;
  return text(n);
}

/** Runs the section; `record(area, what, value, target)` prints a row (bench.mjs passes its own). */
export async function benchEngine(
  record = (area, what, value, target = '') =>
    console.log(`  ${area.padEnd(16)} ${what.padEnd(58)} ${String(value).padStart(12)}  ${target}`),
) {
  console.log('\nevaluation engine (in process)');
  const out = (p) => require(path.join(root, 'out', 'server', 'src', ...p.split('/')));
  const { evaluate, compareAccess, standalone } = out('analysis/evaluate/index.js');
  const { parsePolicy } = out('policy/parsePolicy.js');
  const { parseJson } = out('syntax/parseJson.js');
  const { loadCatalog } = out('node/loadCatalog.js');
  const catalog = loadCatalog();
  const text = policyOf(6144);
  const doc = parsePolicy(parseJson(text), { policyType: { type: 'identity', source: 'setting' } });
  const policies = [{ type: 'identity', document: doc }];
  const principal = { arn: 'arn:aws:iam::111122223333:user/bench' };
  const n = doc.statements.length;
  // a mix: allowed, denied by a condition, explicitly denied, matching nothing
  const requests = [];
  for (let i = 0; i < 64; i++) {
    const s = i % n;
    requests.push({
      action: ['s3:GetObject', 'ec2:StartInstances', 'dynamodb:GetItem', 'sqs:SendMessage', 'iam:CreateUser'][i % 5],
      resource: [
        `arn:aws:s3:::bucket-${s}/key-${i}`,
        `arn:aws:ec2:us-east-1:111122223333:instance/i-${String(s).padStart(17, '0')}`,
        `arn:aws:dynamodb:us-east-1:111122223333:table/T${s}`,
        '*',
        'arn:aws:iam::111122223333:user/x',
      ][i % 5],
      principal,
      context: {
        'aws:PrincipalTag/team': `team-${i % 3 ? s : 999}`,
        'aws:SecureTransport': i % 4 ? 'true' : 'false',
        'aws:SourceIp': i % 6 ? '10.1.2.3' : '8.8.8.8',
      },
    });
  }
  const decisions = new Set();
  for (let k = 0; k < 100000; k++) decisions.add(evaluate(policies, requests[k % requests.length]).decision); // warm up (JIT), compile
  const rounds = 50;
  const perRound = 4000;
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (let k = 0; k < perRound; k++) evaluate(policies, requests[k % requests.length]);
    const used = process.cpuUsage(c);
    wall.push(((performance.now() - t) * 1000) / perRound);
    cpu.push((used.user + used.system) / perRound);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const label = `one request, ${(text.length / 1024).toFixed(1)} KB policy (${n} statements, explanation included)`;
  record(
    'engine',
    `${label}: CPU time median / p90`,
    `${cpu[rounds >> 1].toFixed(1)} / ${cpu[Math.floor(rounds * 0.9)].toFixed(1)} µs`,
    'target <= 50 µs',
  );
  record(
    'engine',
    `${label}: wall time median / p90`,
    `${wall[rounds >> 1].toFixed(1)} / ${wall[Math.floor(rounds * 0.9)].toFixed(1)} µs`,
    `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  record('engine', 'decisions seen in the request mix', [...decisions].sort().join(', '));
  const cold = performance.now();
  const fresh = parsePolicy(parseJson(text), { policyType: { type: 'identity', source: 'setting' } });
  evaluate([{ type: 'identity', document: fresh }], requests[0]);
  record('engine', 'first request on a new policy (parse + compile + evaluate)', `${((performance.now() - cold) * 1000).toFixed(0)} µs`);
  const other = parsePolicy(parseJson(policyOf(6144, 1)), { policyType: { type: 'identity', source: 'setting' } });
  const d0 = performance.now();
  const diff = compareAccess(standalone(doc), standalone(other), catalog);
  record(
    'engine',
    `access diff of two 6 KB policies (${diff.requests} sampled requests per side)`,
    `${(performance.now() - d0).toFixed(0)} ms`,
    `${diff.added.length} added, ${diff.removed.length} removed`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchEngine();
}
