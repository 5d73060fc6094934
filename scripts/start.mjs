// `npm start`: builds the extension and opens it on examples/.
//   - with `code` on the PATH: a VS Code window in extension-development mode;
//   - otherwise: a real VS Code (code-server from npm, installed once into
//     ~/.cache/iam-policy-language-e2e) served on 127.0.0.1, with this checkout loaded as the
//     development extension. Open the printed URL in a browser; Ctrl+C stops it.
// Options: --port <n> (default: a free port), --no-code (always use code-server).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 0;

console.log('== building the extension');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const hasCode = !args.includes('--no-code') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log('== opening VS Code with the extension in development mode on examples/');
  const code = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
  process.exit(code.status ?? 0);
}

console.log('== no `code` on the PATH: serving a real VS Code (code-server) on 127.0.0.1');
const installed = execFileSync('bash', [path.join(root, 'test', 'e2e', 'install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const env = {};
for (const line of installed.split('\n')) {
  const m = /^(NODE24|CODE_SERVER)=(.*)$/.exec(line.trim());
  if (m) env[m[1]] = m[2];
}
const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(portArg, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
const port = await freePort();
const state = path.join(os.homedir(), '.cache', 'iam-policy-language-e2e', 'start');
const userData = path.join(state, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
const settingsFile = path.join(userData, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'json.schemaDownload.enable': false, 'chat.disableAIFeatures': true }, null, 2));
}
fs.writeFileSync(path.join(state, 'config.yaml'), 'auth: none\ncert: false\n');
const server = spawn(
  env.NODE24,
  [env.CODE_SERVER, '--config', path.join(state, 'config.yaml'), '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', path.join(state, 'extensions'), '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_DATA_HOME: path.join(state, 'xdg-data'), XDG_CONFIG_HOME: path.join(state, 'xdg-config') } },
);
const logFile = fs.createWriteStream(path.join(state, 'code-server.log'));
server.stdout.pipe(logFile);
server.stderr.pipe(logFile);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 300 || server.exitCode !== null) {
    console.error(`code-server did not start; see ${path.join(state, 'code-server.log')}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}
// the workbench loads this checkout as a development extension (payload, as VS Code's own web tests do)
const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`], ['skipWelcome', 'true']]);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(payload)}`;
console.log(`\nVS Code with IAM Policy Language on examples/ is ready:\n\n  ${url}\n\nOpen broad-policy.json or mistakes-policy.json. Ctrl+C stops the server.`);
const stop = () => {
  server.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
