// End-to-end tests in a real VS Code (code-server, the VS Code server and workbench, from npm),
// headless: installs what they need once per machine (test/e2e/install.sh; cached in
// ~/.cache/iam-policy-language-e2e), builds the extension, then runs
//   1. the vscode-API suite inside the extension host (test/e2e/suite), and
//   2. the user-level UI check with Playwright and Debian's Chromium (test/e2e/drivers/ui.cjs),
//   3. the packed VSIX installed with --install-extension, activating and diagnosing (vsix.cjs),
//   4. VS Code's display language set to Japanese: diagnostic, hover, code lens (ja.cjs),
// saving screenshots and logs under out/e2e/.
//   node scripts/e2e.mjs [exthost|ui|vsix|ja]
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const { installTools } = createRequire(import.meta.url)(path.join(root, 'test', 'e2e', 'drivers', 'codeServer.cjs'));
const started = Date.now();

console.log('== e2e: install (cached after the first run)');
const env = {
  ...process.env,
  CHROMIUM: process.env.CHROMIUM ?? '/usr/bin/chromium',
  ...installTools(root, (line) => console.log(line), 'e2e'),
};
console.log(`   ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

console.log('== e2e: build');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

// the VSIX run installs the packed extension, as a user does (scripts/package.mjs builds it)
let vsix;
if (!only || only === 'vsix') {
  console.log('== e2e: package the VSIX');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { stdio: 'inherit' });
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
}

const out = path.join(root, 'out', 'e2e');
fs.rmSync(out, { recursive: true, force: true });
const runs = [
  {
    name: 'exthost',
    script: path.join(root, 'test', 'e2e', 'drivers', 'exthost.cjs'),
    env: { EXT_DEV: root, EXT_TESTS: path.join(root, 'test', 'e2e', 'suite', 'index.cjs'), WS_TEMPLATE: path.join(root, 'examples') },
  },
  {
    name: 'ui',
    script: path.join(root, 'test', 'e2e', 'drivers', 'ui.cjs'),
    env: { EXT_DEV: root, WS_TEMPLATE: path.join(root, 'examples') },
  },
  {
    name: 'vsix',
    script: path.join(root, 'test', 'e2e', 'drivers', 'vsix.cjs'),
    env: { VSIX: vsix, WS_TEMPLATE: path.join(root, 'examples') },
  },
  {
    name: 'ja',
    script: path.join(root, 'test', 'e2e', 'drivers', 'ja.cjs'),
    env: { EXT_DEV: root, WS_TEMPLATE: path.join(root, 'examples') },
  },
].filter((r) => !only || r.name === only);

let failed = 0;
for (const run of runs) {
  const t = Date.now();
  console.log(`== e2e: ${run.name}`);
  const result = spawnSync(process.execPath, [run.script], {
    stdio: 'inherit',
    env: { ...env, ...run.env, OUT: path.join(out, run.name) },
  });
  const ok = result.status === 0;
  if (!ok) failed++;
  console.log(
    `== e2e: ${run.name} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s (artifacts: out/e2e/${run.name})`,
  );
}
console.log(`== e2e: ${runs.length - failed} passed, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
process.exit(failed === 0 ? 0 : 1);
