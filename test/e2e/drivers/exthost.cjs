#!/usr/bin/env node
// Adapted from ../shared/e2e/test/e2e-exthost.cjs (the recipe this project was given).
// Runs an extension's vscode-API integration tests (mocha inside the Node
// extension host) in a REAL VS Code (code-server), headless.
//
// This is exactly how VS Code's own repo runs its "browser + server" integration
// tests (test/integration/browser): start the server, open the web workbench with
//   ?folder=<ws>&payload=[["extensionDevelopmentPath","vscode-remote://<host>/<ext>"],
//                         ["extensionTestsPath","vscode-remote://<host>/<tests>"]]
// and wait for the workbench to call window.codeAutomationExit(code).
// Because both URIs are vscode-remote:, the tests run in the server-side Node
// extension host, so a Node language server (child process, IPC) works.
//
// Two ways to call it:
//   * env:  EXT_DEV=<ext folder> EXT_TESTS=<tests index.js> WS_TEMPLATE=<folder copied as workspace>
//   * VS Code CLI style (so it can stand in for the `code` executable of
//     @vscode/test-electron's `vscodeExecutablePath`, see vscode-shim.sh):
//       e2e-exthost.cjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [<workspace folder>]
//     other VS Code flags (--no-sandbox, --disable-updates, ...) are accepted and ignored.
// Always: NODE24 (node 24 binary), CODE_SERVER (…/code-server/out/node/entry.js),
//         CHROMIUM (/usr/bin/chromium), OUT (artifacts), TIMEOUT_MS, KEEP=1 keeps tmp dirs.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
// playwright-core lives in the e2e cache (test/e2e/install.sh), not in the project's dependencies
const { chromium } = require(path.join(process.env.DRIVERS || '', 'node_modules', 'playwright-core'));
const { startCodeServer } = require('./codeServer.cjs');

const NODE24 = process.env.NODE24 || 'node';
// ---- arguments: VS Code CLI style wins over env ----------------------------------
const cli = { dev: [], tests: undefined, folder: undefined };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = (name) => (a.startsWith(`--${name}=`) ? a.slice(name.length + 3) : a === `--${name}` ? process.argv[++i] : undefined);
  let v;
  if ((v = val('extensionDevelopmentPath')) !== undefined) cli.dev.push(v);
  else if ((v = val('extensionTestsPath')) !== undefined) cli.tests = v;
  else if (/^--(user-data-dir|extensions-dir|locale|log|profile|logsPath)$/.test(a))
    i++; // flag + separate value: ignored
  else if (!a.startsWith('-')) cli.folder = a;
}
const CODE_SERVER = process.env.CODE_SERVER;
const EXT_DEV = cli.dev[0] || process.env.EXT_DEV;
const EXT_TESTS = cli.tests || process.env.EXT_TESTS;
const WS_TEMPLATE = cli.folder ? undefined : process.env.WS_TEMPLATE;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = path.resolve(process.env.OUT || 'e2e-out');
const TIMEOUT_MS = +(process.env.TIMEOUT_MS || 180000);
for (const [k, v] of Object.entries({ CODE_SERVER, EXT_DEV, EXT_TESTS }))
  if (!v) {
    console.error(k + ' is required');
    process.exit(2);
  }
fs.mkdirSync(OUT, { recursive: true });
// workbench chatter that is not test output (still written to exthost-automation.log)
const QUIET =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|getaddrinfo ENOTFOUND|Failed: getaddrinfo)/;
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-exthost-'));
  // workspace: the folder given on the command line (opened in place, like `code <folder>`),
  // else a fresh copy of WS_TEMPLATE, else an empty window
  const ws = cli.folder ? path.resolve(cli.folder) : WS_TEMPLATE ? path.join(tmp, 'ws') : undefined;
  if (WS_TEMPLATE) fs.cpSync(WS_TEMPLATE, ws, { recursive: true });
  let browser,
    server,
    exitCode = 1;
  try {
    server = await startCodeServer({
      node24: NODE24,
      codeServer: CODE_SERVER,
      dir: tmp,
      log: path.join(OUT, 'code-server-exthost.log'),
      settings: { 'iamPolicy.trace.server': 'off' },
    });
    const { port } = server;
    log(`code-server pid ${server.child.pid} on 127.0.0.1:${port}`);
    log('code-server healthy');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    // The workbench forwards every log line (its own and the extension host's
    // console, i.e. mocha's reporter) to window.codeAutomationLog when defined.
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        fs.appendFileSync(path.join(OUT, 'exthost-automation.log'), `${type} ${line}\n`);
        if (!QUIET.test(line)) console.log(`  [vscode ${type}]`, line);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const host = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
    const payload = JSON.stringify([
      ...(cli.dev.length ? cli.dev : [EXT_DEV]).map((d) => ['extensionDevelopmentPath', remote(d)]),
      ['extensionTestsPath', remote(EXT_TESTS)],
      ['skipWelcome', 'true'],
    ]);
    const where = ws ? `folder=${encodeURIComponent(ws)}` : 'ew=true';
    await page.goto(`http://${host}/?${where}&payload=${encodeURIComponent(payload)}`);
    const timer = new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS));
    const code = await Promise.race([done, timer]);
    await page.screenshot({ path: path.join(OUT, 'exthost-tests-end.png') }).catch(() => {});
    if (code === 'timeout') throw new Error(`tests did not finish within ${TIMEOUT_MS} ms`);
    log(`extension host exited with code ${code}`);
    exitCode = code === 0 ? 0 : 1;
  } catch (e) {
    log('HARNESS ERROR:', e && (e.stack || e));
  } finally {
    try {
      if (browser) await browser.close();
    } catch {
      /* ignore */
    }
    if (server) await server.stop();
    if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`total ${Date.now() - t0} ms`);
  process.exit(exitCode);
})();
