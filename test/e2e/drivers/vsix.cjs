#!/usr/bin/env node
// The packed VSIX as a user installs it: `code-server --install-extension <file>.vsix` into a fresh
// extensions folder, then a real VS Code (code-server, Playwright, Debian's Chromium) with no
// development extension in the URL, so only the installed package can answer. Checks that the
// extension activates (status bar) and diagnoses a policy (Problems panel), with a screenshot.
// Env: NODE24, CODE_SERVER, CHROMIUM, DRIVERS, VSIX, WS_TEMPLATE, OUT.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require(path.join(process.env.DRIVERS || '', 'node_modules', 'playwright-core'));
const { startCodeServer } = require('./codeServer.cjs');

const { NODE24 = 'node', CODE_SERVER, VSIX, WS_TEMPLATE } = process.env;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = path.resolve(process.env.OUT || 'e2e-out');
fs.mkdirSync(OUT, { recursive: true });
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const norm = (s) => s.replace(/\s+/g, ' ').trim();

(async () => {
  if (!VSIX || !fs.existsSync(VSIX)) {
    console.error(`VSIX=${VSIX} does not exist`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-vsix-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(WS_TEMPLATE, ws, { recursive: true });
  const extensions = path.join(tmp, 'extensions');
  let browser;
  let server;
  let ok = false;
  try {
    log(`installing ${path.basename(VSIX)} (${(fs.statSync(VSIX).size / 1e6).toFixed(2)} MB)`);
    const out = execFileSync(
      NODE24,
      [CODE_SERVER, '--install-extension', VSIX, '--extensions-dir', extensions, '--user-data-dir', path.join(tmp, 'user-data')],
      {
        encoding: 'utf8',
        env: { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') },
      },
    );
    log(norm(out));
    const installed = fs.readdirSync(extensions).filter((d) => d.startsWith('iam-policy-language.'));
    if (installed.length !== 1) throw new Error(`expected one installed extension, found ${JSON.stringify(fs.readdirSync(extensions))}`);
    const dir = path.join(extensions, installed[0]);
    // the packed extension: bundles only, no sources (the dev folder would have server/src)
    if (!fs.existsSync(path.join(dir, 'dist', 'server.js')) || fs.existsSync(path.join(dir, 'server')))
      throw new Error(`${dir} is not the packed extension`);
    log(`installed ${installed[0]}`);

    server = await startCodeServer({
      node24: NODE24,
      codeServer: CODE_SERVER,
      dir: tmp,
      log: path.join(OUT, 'code-server-vsix.log'),
      settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false },
    });
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
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    // no payload: nothing but the installed extensions is loaded
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broad-policy.json' }).first();
    await row.waitFor({ timeout: 60000 });
    await row.click();
    const item = page.locator('.statusbar-item', { hasText: 'IAM Identity' }).first();
    await item.waitFor({ timeout: 60000 });
    log('status bar:', JSON.stringify(norm(await item.innerText())));
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 15000 });
    await panel.locator('.monaco-list-row', { hasText: 'passrole-star' }).first().waitFor({ timeout: 30000 });
    const rows = (await panel.locator('.monaco-list-row').allInnerTexts()).map(norm);
    log('problems:', JSON.stringify(rows.slice(0, 5)));
    await page.screenshot({ path: path.join(OUT, 'vsix-problems.png') });
    ok = true;
  } catch (e) {
    log('FAIL:', e && (e.stack || e));
  } finally {
    try {
      if (browser) await browser.close();
    } catch {
      /* ignore */
    }
    if (server) await server.stop();
    if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`e2e-vsix: ${ok ? 'the packed VSIX activates and diagnoses a policy' : 'FAILED'}`);
  process.exit(ok ? 0 : 1);
})();
