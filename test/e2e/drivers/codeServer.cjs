// Starts and stops code-server (the VS Code server and web workbench) for the e2e drivers and
// `npm start`: on 127.0.0.1 only, with its own user-data, extensions and XDG folders under `dir`
// so nothing lands in $HOME, and the smoke-test driver enabled so the workbench honours the URL
// `payload` (extensionDevelopmentPath, extensionTestsPath). Stopped by PID.
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

/** Workbench settings for a quiet, offline window. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'json.schemaDownload.enable': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function freePort(port = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(port, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
}

/**
 * @param {{ node24: string, codeServer: string, dir: string, log: string, settings?: object,
 *           keepSettings?: boolean, trust?: boolean, port?: number, args?: string[] }} options
 *   args: more code-server arguments (e.g. ['--locale', 'ja'])
 * @returns {Promise<{ port: number, host: string, child: import('child_process').ChildProcess, stop: () => Promise<void> }>}
 */
async function startCodeServer(options) {
  const { node24, codeServer, dir } = options;
  const userData = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!options.keepSettings || !fs.existsSync(settingsFile)) {
    fs.writeFileSync(
      settingsFile,
      JSON.stringify(
        { ...QUIET_SETTINGS, ...(options.trust === false ? {} : { 'security.workspace.trust.enabled': false }), ...options.settings },
        null,
        2,
      ),
    );
  }
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort(options.port ?? 0);
  const args = [
    codeServer,
    '--config',
    config,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    path.join(dir, 'extensions'),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--ignore-last-opened',
    // a built VS Code ignores the URL payload's dev options unless the smoke-test driver is on:
    //   if (this.payload && (!this.isBuilt || this.enableSmokeTestDriver)) ...
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  if (options.trust !== false) args.push('--disable-workspace-trust');
  args.push(...(options.args ?? []));
  const child = spawn(node24, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // keep code-server's own files (coder-logs, heartbeat, default config) out of $HOME
    env: { ...process.env, XDG_DATA_HOME: path.join(dir, 'xdg-data'), XDG_CONFIG_HOME: path.join(dir, 'xdg-config') },
  });
  const logStream = fs.createWriteStream(options.log);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(r, 5000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300 || child.exitCode !== null) {
      await stop();
      throw new Error(`code-server did not come up (log: ${options.log})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, host: `127.0.0.1:${port}`, child, stop };
}

/**
 * Runs test/e2e/install.sh (idempotent; cached per machine) for `purpose` ('start': code-server
 * only; 'e2e': also Chromium and the drivers) and returns the paths it prints: E2E_CACHE, NODE24,
 * CODE_SERVER and, for the e2e, DRIVERS. Other lines it prints are passed to `echo`.
 */
function installTools(root, echo = () => undefined, purpose = 'e2e') {
  const out = execFileSync('bash', [path.join(root, 'test', 'e2e', 'install.sh'), purpose], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tools = {};
  for (const line of out.split('\n')) {
    const m = /^(E2E_CACHE|NODE24|CODE_SERVER|DRIVERS)=(.*)$/.exec(line.trim());
    if (m) tools[m[1]] = m[2];
    else if (line.trim()) echo(line);
  }
  return tools;
}

module.exports = { freePort, installTools, startCodeServer };
