// `npm start`: builds the extension and opens it on a scratch copy of examples/ (a new temporary
// folder each run, so trying the extension never edits the checkout's tracked files):
//   - with `code` on the PATH: a VS Code window in extension-development mode;
//   - otherwise: a real VS Code (code-server from npm, installed once into
//     ~/.cache/iam-policy-language-e2e; no browser is installed) served on 127.0.0.1, with this
//     checkout loaded as the development extension and the scratch folder trusted (so the
//     Access Analyzer settings can be tried). Open the printed URL in a browser; Ctrl+C stops it.
// Options: --port <n> (default: a free port), --no-code (always use code-server).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { installTools, startCodeServer } = createRequire(import.meta.url)(path.join(root, 'test', 'e2e', 'drivers', 'codeServer.cjs'));
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 0;

console.log('== building the extension');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iam-policy-language-')), 'examples');
fs.cpSync(path.join(root, 'examples'), scratch, { recursive: true });
console.log(`== a scratch copy of examples/ to try the extension on: ${scratch}`);

const hasCode = !args.includes('--no-code') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log('== opening VS Code with the extension in development mode on the scratch copy');
  const code = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, scratch], { stdio: 'inherit' });
  process.exit(code.status ?? 0);
}

console.log('== no `code` on the PATH: serving a real VS Code (code-server) on 127.0.0.1');
const tools = installTools(root, (line) => console.log(line), 'start');
const state = path.join(tools.E2E_CACHE, 'start');
let server;
try {
  // user settings are written once and then left to the user; the scratch folder is trusted
  server = await startCodeServer({
    node24: tools.NODE24,
    codeServer: tools.CODE_SERVER,
    dir: state,
    log: path.join(state, 'code-server.log'),
    keepSettings: true,
    trust: true,
    port: portArg,
  });
} catch (err) {
  console.error(String(err.message ?? err));
  process.exit(1);
}
const { port } = server;
// the workbench loads this checkout as a development extension (payload, as VS Code's own web tests do)
const payload = JSON.stringify([
  ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`],
  ['skipWelcome', 'true'],
]);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(scratch)}&payload=${encodeURIComponent(payload)}`;
console.log(
  `\nVS Code with IAM Policy Language is ready on ${scratch}:\n\n  ${url}\n\nOpen broad-policy.json or mistakes-policy.json. Ctrl+C stops the server.`,
);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
