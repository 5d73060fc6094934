#!/usr/bin/env node
// What a user sees, in a real VS Code (code-server) driven by Playwright and Debian's Chromium:
// the extension loaded from this checkout (extensionDevelopmentPath), the examples folder open.
// Checks the status bar, the code lens, the Problems panel, hover and completion, and saves a
// screenshot of each (docs/images/ are copies of these); then the exact text after each fix,
// refactor and template as VS Code applies them (editScenarios.cjs). Adapted from
// ../shared/e2e/test/e2e-ui.cjs.
// Env: NODE24, CODE_SERVER, CHROMIUM, DRIVERS, EXT_DEV, WS_TEMPLATE, OUT.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require(path.join(process.env.DRIVERS || '', 'node_modules', 'playwright-core'));
const { createChecks } = require('./checks.cjs');
const { startCodeServer } = require('./codeServer.cjs');
const { files: editFiles, runEditScenarios } = require('./editScenarios.cjs');

const { NODE24 = 'node', CODE_SERVER, EXT_DEV, WS_TEMPLATE } = process.env;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = path.resolve(process.env.OUT || 'e2e-out');
fs.mkdirSync(OUT, { recursive: true });
const { log, check, assert, harnessError, finish } = createChecks('ui');
const norm = (s) => s.replace(/\s+/g, ' ').trim();
(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-ui-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(WS_TEMPLATE, ws, { recursive: true });
  for (const [name, text] of Object.entries(editFiles)) fs.writeFileSync(path.join(ws, name), text);
  let browser;
  let server;
  try {
    server = await startCodeServer({
      node24: NODE24,
      codeServer: CODE_SERVER,
      dir: tmp,
      log: path.join(OUT, 'code-server.log'),
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'editor.hover.delay': 100,
        'editor.quickSuggestions': { strings: false },
        'editor.minimap.enabled': false,
      },
    });
    const { port } = server;
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
    const host = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${path.resolve(EXT_DEV)}`],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row('broad-policy.json').waitFor({ timeout: 60000 });
    log('workbench ready');
    await row('broad-policy.json').click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'iam:PassRole' }).first().waitFor({ timeout: 30000 });

    await check('the status bar shows the policy type', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'IAM Identity' }).first();
      await item.waitFor({ timeout: 30000 });
      log('status bar:', JSON.stringify(norm(await item.innerText())));
    });

    await check('a code lens above the statement says what it grants', async () => {
      const lens = page.locator('.contentWidgets .codelens-decoration, .codelens-decoration', { hasText: 'Allow ·' }).first();
      await lens.waitFor({ timeout: 30000 });
      log('code lens:', JSON.stringify(norm(await lens.innerText())));
      await page.screenshot({ path: path.join(OUT, '01-editor-codelens-status.png') });
    });

    await check('the broad statement is in the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: 15000 });
      await panel.locator('.monaco-list-row', { hasText: 'service-wildcard' }).first().waitFor({ timeout: 30000 });
      const rows = (await panel.locator('.monaco-list-row').allInnerTexts()).map(norm);
      log('problems:', JSON.stringify(rows.slice(0, 8)));
      assert(
        rows.some((r) => /passrole-star/.test(r)),
        'passrole-star listed',
      );
      await page.screenshot({ path: path.join(OUT, '02-problems.png') });
    });

    await check('hover on a wildcard shows what it expands to, by access level', async () => {
      // the grammar splits "s3:*" into service, separator and wildcard tokens: hover the service part
      const token = editor.locator('.view-line', { hasText: '"s3:*"' }).first().locator('span span', { hasText: /^s3$/ }).first();
      const box = await token.boundingBox();
      assert(box, 'the s3:* token is on screen');
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover', { hasText: 'Permissions management' }).first();
      await hover.waitFor({ state: 'visible', timeout: 20000 });
      log('hover:', JSON.stringify(norm(await hover.innerText()).slice(0, 200)));
      await page.screenshot({ path: path.join(OUT, '03-hover.png') });
      await page.mouse.move(5, 5);
    });

    await check('completion lists actions with their access level', async () => {
      await editor.locator('.view-line', { hasText: 'ec2:Describe*' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.type('\n"s3:GetOb', { delay: 15 });
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      await widget.waitFor({ timeout: 20000 });
      const item = widget.locator('.monaco-list-row', { hasText: 's3:GetObject' }).first();
      await item.waitFor({ timeout: 20000 });
      log('suggestions:', JSON.stringify((await widget.locator('.monaco-list-row').allInnerTexts()).map(norm).slice(0, 5)));
      await page.screenshot({ path: path.join(OUT, '04-completion.png') });
      await page.keyboard.press('Escape');
    });

    // exact text after each fix, refactor and template (editScenarios.cjs)
    await runEditScenarios({ page, ws, out: OUT, check, log });
  } catch (e) {
    harnessError(e);
  } finally {
    try {
      if (browser) await browser.close();
    } catch {
      /* ignore */
    }
    if (server) await server.stop();
    if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
  finish();
})();
