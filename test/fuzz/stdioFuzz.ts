/**
 * The stdio fuzz tier (issue 17): seeded random edits of JSON, YAML and Terraform documents sent
 * to the real server as an editor sends them (incremental didChange), each followed by a
 * diagnostic pull and one more request (completion, hover, code lens or code actions). It counts
 * crashes, error responses, empty diagnostics for a text with a known finding, slow answers on
 * documents under 100 KB, and the server's memory (resident set) at start, at its peak and after
 * every document is closed.
 *
 *   npm run test:fuzz                           (FUZZ_EDITS=20000 FUZZ_SEED=1 by default)
 *   FUZZ_EDITS=100000 node scripts/fuzz.mjs     (after a build)
 *   FUZZ_LANGUAGES=json,yaml (default json,yaml,terraform), FUZZ_SEED, FUZZ_HANG_MS,
 *   FUZZ_MAX_GROWTH_MB, FUZZ_MAX_RSS_MB, FUZZ_DEADLINE (an ISO time to stop at)
 *
 * Exit status 1 when a limit is broken; the report is printed as JSON either way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LspClient, positionAt, repoRoot } from '../lsp/harness';
import { mutate, rng } from './mutate';

export interface FuzzOptions {
  edits: number;
  seed: number;
  /** an answer slower than this on a document under 100 KB counts as a hang */
  hangMs: number;
  /** the resident set after closing every document may exceed the start by this much */
  maxGrowthMb: number;
  /** the resident set must never exceed this */
  maxRssMb: number;
  /** progress lines on stderr every this many edits (0: none) */
  progressEvery?: number;
  /** stop early (with the count reached) at this time */
  deadline?: number;
  /** which documents to edit (default all): json, yaml, terraform */
  languages?: string[];
}

export interface FuzzReport {
  edits: number;
  requests: number;
  crashes: number;
  errorResponses: { method: string; message: string }[];
  emptyForKnownFinding: { uri: string; edit: number }[];
  /** load1 is the machine's one-minute load average when the answer came (a loaded machine is slower) */
  hangs: { method: string; ms: number; bytes: number; edit: number; load1: number }[];
  slowestMs: number;
  memoryMb: { start: number; peak: number; afterClose: number };
  /** the server's JS heap (heapUsed) right after a full garbage collection, sampled every 1,000 edits */
  heapAfterGcMb: { start: number; peak: number; afterClose: number };
  seconds: number;
  failures: string[];
}

interface FuzzDocument {
  uri: string;
  languageId: string;
  seed: string;
  text: string;
  version: number;
  /** the seed text has findings: an empty list for it is a failure */
  known: boolean;
}

const casesDir = path.join(repoRoot, 'test', 'corpus', 'cases');
const embeddedDir = path.join(repoRoot, 'test', 'fixtures', 'embedded');

function seedTexts(): { json: string[]; yaml: string[]; terraform: string[] } {
  const json = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as { policy: unknown; policyText?: string })
    .map((c) => c.policyText ?? JSON.stringify(c.policy, null, 2));
  const yaml = [fs.readFileSync(path.join(embeddedDir, 'template.yaml'), 'utf8')];
  // a main.tf of some size: the fixture's resources repeated under other names
  const tf = fs.readFileSync(path.join(embeddedDir, 'main.tf'), 'utf8');
  const terraform = [tf, Array.from({ length: 12 }, (_, i) => tf.replace(/"(aws_[a-z_]+)" "([a-z_]+)"/g, `"$1" "$2_${i}"`)).join('\n')];
  return { json, yaml, terraform };
}

/** Resident set of a process in MB (Linux /proc; elsewhere 0). */
function rssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** The preload that reports the heap after a full GC on SIGUSR2 (no debug hook in the server). */
const heapProbe = path.join(repoRoot, 'test', 'fuzz', 'heapProbe.cjs');

/** Asks the server (preloaded with heapProbe.cjs) for its JS heap after a full GC, in MB; 0 when it does not answer. */
async function heapAfterGcMb(client: LspClient): Promise<number> {
  const pid = client.child.pid;
  if (!pid || client.child.exitCode !== null) {
    return 0;
  }
  const seen = client.stderr.length;
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 30_000; waited += 20) {
    for (const chunk of client.stderr.slice(seen)) {
      const m = /fuzz-heap (\{[^\n]*\})/.exec(chunk);
      if (m) {
        return (JSON.parse(m[1]) as { heapUsed: number }).heapUsed;
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return 0;
}

/** The smallest incremental change from one text to the other (common prefix and suffix). */
function changeBetween(before: string, after: string): { range: { start: Position; end: Position }; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) {
    start++;
  }
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) {
    end++;
  }
  // never split a surrogate pair or a CRLF between the range and the kept text
  return {
    range: { start: positionAt(before, start), end: positionAt(before, before.length - end) },
    text: after.slice(start, after.length - end),
  };
}

function isCancellation(err: unknown): boolean {
  const code = (err as { code?: number } | undefined)?.code;
  return code === -32800 || code === -32802;
}

export async function runStdioFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const random = rng(options.seed);
  const seeds = seedTexts();
  const nodeOptions = [process.env.NODE_OPTIONS, `--require=${heapProbe}`].filter(Boolean).join(' ');
  const client = new LspClient({ env: { NODE_OPTIONS: nodeOptions } });
  await client.initialize();
  const pid = client.child.pid;
  const report: FuzzReport = {
    edits: 0,
    requests: 0,
    crashes: 0,
    errorResponses: [],
    emptyForKnownFinding: [],
    hangs: [],
    slowestMs: 0,
    memoryMb: { start: 0, peak: 0, afterClose: 0 },
    heapAfterGcMb: { start: 0, peak: 0, afterClose: 0 },
    seconds: 0,
    failures: [],
  };
  let crashed = false;
  void client.exited.then(() => {
    crashed = true;
  });

  const timed = async <T>(method: string, doc: FuzzDocument, run: () => Promise<T>): Promise<T | undefined> => {
    const t0 = Date.now();
    report.requests++;
    try {
      return await run();
    } catch (err) {
      if (!isCancellation(err) && !crashed) {
        report.errorResponses.push({ method, message: String((err as Error).message ?? err).slice(0, 300) });
      }
      return undefined;
    } finally {
      const ms = Date.now() - t0;
      report.slowestMs = Math.max(report.slowestMs, ms);
      if (ms > options.hangMs && doc.text.length < 100_000) {
        report.hangs.push({ method, ms, bytes: doc.text.length, edit: report.edits, load1: Math.round(os.loadavg()[0] * 10) / 10 });
      }
    }
  };

  const docs: FuzzDocument[] = [];
  const open = async (uri: string, languageId: string, seed: string) => {
    const doc: FuzzDocument = { uri, languageId, seed, text: seed, version: 1, known: false };
    client.open(uri, seed, languageId);
    const first = await timed('textDocument/diagnostic', doc, () => client.diagnostics(uri));
    doc.known = (first?.length ?? 0) > 0;
    docs.push(doc);
  };
  const wanted = (language: string) => !options.languages || options.languages.includes(language);
  if (wanted('json')) {
    await open('file:///fuzz/live.policy.json', 'json', seeds.json[0]);
    await open('file:///fuzz/second.policy.json', 'jsonc', seeds.json[1]);
  }
  if (wanted('yaml')) {
    await open('file:///fuzz/template.yaml', 'yaml', seeds.yaml[0]);
  }
  if (wanted('terraform')) {
    await open('file:///fuzz/infra/main.tf', 'terraform', seeds.terraform[1]);
  }
  if (docs.length === 0) {
    throw new Error('no documents: FUZZ_LANGUAGES names none of json, yaml, terraform');
  }
  report.memoryMb.start = rssMb(pid);
  report.memoryMb.peak = report.memoryMb.start;
  report.heapAfterGcMb.start = await heapAfterGcMb(client);
  report.heapAfterGcMb.peak = report.heapAfterGcMb.start;

  const reseed = (doc: FuzzDocument) => {
    if (doc.languageId === 'json' || doc.languageId === 'jsonc') {
      return seeds.json[Math.floor(random() * seeds.json.length)];
    }
    return doc.languageId === 'yaml' ? seeds.yaml[0] : seeds.terraform[Math.floor(random() * seeds.terraform.length)];
  };

  for (let i = 0; i < options.edits && !crashed; i++) {
    if (options.deadline && Date.now() > options.deadline) {
      report.failures.push(`stopped at the deadline after ${i} edits`);
      break;
    }
    const doc = docs[Math.floor(random() * docs.length)];
    // now and then back to a known text (whose findings must show), else a random edit
    const back = random() < 0.04;
    const next = back ? reseed(doc) : mutate(doc.text, random);
    const change = changeBetween(doc.text, next);
    doc.version++;
    doc.text = next;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: doc.version },
      contentChanges: [change],
    });
    report.edits++;
    const diagnostics = await timed('textDocument/diagnostic', doc, () => client.diagnostics(doc.uri));
    if (back && diagnostics && diagnostics.length === 0) {
      // a seed is known to have findings only if it had some when opened, or is a corpus case with some
      const baseline = await baselineHasFindings(doc.text, doc.languageId);
      if (baseline) {
        report.emptyForKnownFinding.push({ uri: doc.uri, edit: i });
      }
    }
    const position = positionAt(doc.text, Math.floor(random() * (doc.text.length + 1)));
    switch (Math.floor(random() * 4)) {
      case 0:
        await timed('textDocument/completion', doc, () => client.complete(doc.uri, position));
        break;
      case 1:
        await timed('textDocument/hover', doc, () => client.hover(doc.uri, position));
        break;
      case 2:
        await timed('textDocument/codeLens', doc, () => client.codeLenses(doc.uri));
        break;
      default: {
        const d: Diagnostic[] = (diagnostics ?? []).slice(0, 3);
        const range = d[0]?.range ?? { start: position, end: position };
        await timed('textDocument/codeAction', doc, () => client.codeActions(doc.uri, range, d));
      }
    }
    if (i % 100 === 0) {
      report.memoryMb.peak = Math.max(report.memoryMb.peak, rssMb(pid));
    }
    if (i > 0 && i % 1000 === 0) {
      report.heapAfterGcMb.peak = Math.max(report.heapAfterGcMb.peak, await heapAfterGcMb(client));
    }
    if (options.progressEvery && i > 0 && i % options.progressEvery === 0) {
      process.stderr.write(
        `fuzz: ${i} edits, ${report.requests} requests, ${report.errorResponses.length} errors, ${report.hangs.length} hangs, rss ${rssMb(pid)} MB (peak ${report.memoryMb.peak}), heap after GC peak ${report.heapAfterGcMb.peak} MB, load ${os.loadavg()[0].toFixed(1)}, ${Math.round((Date.now() - started) / 1000)} s\n`,
      );
    }
  }
  report.memoryMb.peak = Math.max(report.memoryMb.peak, rssMb(pid));
  for (const doc of docs) {
    client.close(doc.uri);
  }
  // let the server settle (timers, caches dropped on close, a garbage collection or two) when its
  // growth is bounded (the full tier): the short run in `npm test` sets no bound and need not wait
  if (!crashed && Number.isFinite(options.maxGrowthMb)) {
    await client.diagnostics('file:///fuzz/closed.json').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 3000));
  }
  report.memoryMb.afterClose = rssMb(pid);
  if (!crashed) {
    report.heapAfterGcMb.afterClose = await heapAfterGcMb(client);
  }
  crashed = crashed || client.child.exitCode !== null;
  report.crashes = crashed ? 1 : 0;
  const stderr = client.stderr.join('');
  await client.shutdown();
  report.seconds = Math.round((Date.now() - started) / 1000);

  if (report.crashes) {
    report.failures.push(`the server exited: ${stderr.slice(-500)}`);
  }
  if (report.errorResponses.length) {
    report.failures.push(`${report.errorResponses.length} error responses, e.g. ${JSON.stringify(report.errorResponses[0])}`);
  }
  if (report.emptyForKnownFinding.length) {
    report.failures.push(`${report.emptyForKnownFinding.length} empty diagnostic lists for a text with findings`);
  }
  if (report.hangs.length) {
    report.failures.push(
      `${report.hangs.length} answers over ${options.hangMs} ms on documents under 100 KB, e.g. ${JSON.stringify(report.hangs[0])}`,
    );
  }
  if (report.memoryMb.peak > options.maxRssMb) {
    report.failures.push(`peak resident set ${report.memoryMb.peak} MB over ${options.maxRssMb} MB`);
  }
  if (report.memoryMb.start > 0 && report.memoryMb.afterClose - report.memoryMb.start > options.maxGrowthMb) {
    report.failures.push(
      `resident set after close ${report.memoryMb.afterClose} MB, ${report.memoryMb.afterClose - report.memoryMb.start} MB over the start (bound ${options.maxGrowthMb} MB)`,
    );
  }
  return report;
}

/** Whether a text has findings on a fresh server-side analysis (seeds only: cached per text). */
const baselineCache = new Map<string, boolean>();
let baselineClient: Promise<LspClient> | undefined;
async function baselineHasFindings(text: string, languageId: string): Promise<boolean> {
  const key = `${languageId}\u0000${text}`;
  const cached = baselineCache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  baselineClient ??= (async () => {
    const c = new LspClient();
    await c.initialize();
    return c;
  })();
  const c = await baselineClient;
  const uri = `file:///baseline/${baselineCache.size}${languageId === 'terraform' ? '/main.tf' : languageId === 'yaml' ? '.yaml' : '.policy.json'}`;
  c.open(uri, text, languageId);
  const found = (await c.diagnostics(uri)).length > 0;
  c.close(uri);
  baselineCache.set(key, found);
  return found;
}

export async function closeBaseline(): Promise<void> {
  if (baselineClient) {
    await (await baselineClient).shutdown();
    baselineClient = undefined;
  }
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The tier as `npm run test:fuzz` runs it (scripts/fuzz.mjs): options from the environment; resolves to the exit status. */
export async function runStdioFuzzFromEnv(): Promise<number> {
  const options: FuzzOptions = {
    edits: envNumber('FUZZ_EDITS', 20_000),
    seed: envNumber('FUZZ_SEED', 1),
    hangMs: envNumber('FUZZ_HANG_MS', 2000),
    maxGrowthMb: envNumber('FUZZ_MAX_GROWTH_MB', 200),
    maxRssMb: envNumber('FUZZ_MAX_RSS_MB', 1500),
    progressEvery: envNumber('FUZZ_PROGRESS', 1000),
    ...(process.env.FUZZ_DEADLINE ? { deadline: Date.parse(process.env.FUZZ_DEADLINE) } : {}),
    ...(process.env.FUZZ_LANGUAGES ? { languages: process.env.FUZZ_LANGUAGES.split(',').map((l) => l.trim()) } : {}),
  };
  try {
    const report = await runStdioFuzz(options);
    await closeBaseline();
    process.stdout.write(
      `${JSON.stringify({ options, ...report, errorResponses: report.errorResponses.slice(0, 20), hangs: report.hangs.slice(0, 20) }, null, 2)}\n`,
    );
    return report.failures.filter((f) => !f.startsWith('stopped at the deadline')).length ? 1 : 0;
  } catch (err) {
    process.stderr.write(`fuzz driver failed: ${String((err as Error).stack ?? err)}\n`);
    return 2;
  }
}
