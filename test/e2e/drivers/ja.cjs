#!/usr/bin/env node
// The extension with VS Code's display language set to Japanese (code-server --locale ja), in a real
// VS Code driven by Playwright: the status bar, a code lens, a diagnostic in the Problems panel and
// the hover on "s3:*" must be Japanese, with a screenshot of each.
//
// Offline, Microsoft's Japanese language pack (MS-CEINTL.vscode-language-pack-ja, from the
// marketplace) cannot be installed, and without a language pack VS Code resolves any --locale to
// English (vscode.env.language stays "en"). So this run registers a language pack of its own for
// "ja" (langpack-ja/: no translations of VS Code's own strings, so the workbench's menus stay
// English) in user-data/languagepacks.json, the file VS Code's language-pack service writes when a
// pack is installed from a running VS Code (an install with `code-server --install-extension` does
// not write it). VS Code then resolves the display language to "ja", as with the real pack, and the
// extension gets vscode.env.language "ja" (package.nls.ja.json, l10n/bundle.l10n.ja.json and the
// server's Japanese catalog through initialize's locale).
// Env: NODE24, CODE_SERVER, CHROMIUM, DRIVERS, EXT_DEV, WS_TEMPLATE, OUT.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require(path.join(process.env.DRIVERS || '', 'node_modules', 'playwright-core'));
const { createChecks } = require('./checks.cjs');
const { startCodeServer } = require('./codeServer.cjs');

const { NODE24 = 'node', CODE_SERVER, EXT_DEV, WS_TEMPLATE } = process.env;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = path.resolve(process.env.OUT || 'e2e-out');
fs.mkdirSync(OUT, { recursive: true });
const { log, check, assert, harnessError, finish } = createChecks('ja');
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-ja-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(WS_TEMPLATE, ws, { recursive: true });
  // the language pack registration VS Code would have written on installing a pack for "ja"
  fs.mkdirSync(path.join(tmp, 'user-data'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user-data', 'languagepacks.json'),
    JSON.stringify({
      ja: {
        hash: 'iam-policy-language-e2e-ja-1',
        extensions: [{ extensionIdentifier: { id: 'iam-policy-language-e2e.language-pack-ja' }, version: '0.0.1' }],
        translations: { vscode: path.join(__dirname, '..', 'langpack-ja', 'main.i18n.json') },
        label: '日本語',
      },
    }),
  );
  let browser;
  let server;
  try {
    server = await startCodeServer({
      node24: NODE24,
      codeServer: CODE_SERVER,
      dir: tmp,
      log: path.join(OUT, 'code-server-ja.log'),
      args: ['--locale', 'ja'],
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
      },
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
    const host = server.host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${path.resolve(EXT_DEV)}`],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row('broad-policy.json').waitFor({ timeout: 60000 });
    log('workbench ready');

    await check("VS Code's display language is Japanese", async () => {
      const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
      log('workbench display language:', JSON.stringify(language));
      assert(language === 'ja', `the workbench resolved the display language to ${JSON.stringify(language)}, not "ja"`);
    });

    await row('broad-policy.json').click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'iam:PassRole' }).first().waitFor({ timeout: 30000 });

    await check('the status bar shows the policy type in Japanese', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'IAM アイデンティティ' }).first();
      await item.waitFor({ timeout: 30000 });
      log('status bar:', JSON.stringify(norm(await item.innerText())));
    });

    await check('the code lens is Japanese', async () => {
      const lens = page.locator('.codelens-decoration').first();
      await lens.waitFor({ timeout: 30000 });
      const text = norm(await lens.innerText());
      log('code lens:', JSON.stringify(text));
      assert(/^許可 · /.test(text) && /リスト 194/.test(text), `not the Japanese code lens: ${text}`);
      await page.screenshot({ path: path.join(OUT, 'ja-01-codelens-status.png') });
    });

    await check('the Problems panel lists the Japanese diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: 15000 });
      const wildcard = panel.locator('.monaco-list-row', { hasText: 'service-wildcard' }).first();
      await wildcard.waitFor({ timeout: 30000 });
      const text = norm(await wildcard.innerText());
      log('problem:', JSON.stringify(text));
      assert(/"s3:\*" は s3 の \d+ 個すべてのアクション/.test(text), `not the Japanese message: ${text}`);
      await page.screenshot({ path: path.join(OUT, 'ja-02-problems.png') });
    });

    await check('the hover on "s3:*" is Japanese', async () => {
      const token = editor.locator('.view-line', { hasText: '"s3:*"' }).first().locator('span span', { hasText: /^s3$/ }).first();
      const box = await token.boundingBox();
      assert(box, 'the s3:* token is on screen');
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover', { hasText: 'アクセス許可の管理' }).first();
      await hover.waitFor({ state: 'visible', timeout: 20000 });
      const text = norm(await hover.innerText());
      log('hover:', JSON.stringify(text.slice(0, 300)));
      assert(JAPANESE.test(text), 'Japanese hover');
      await page.screenshot({ path: path.join(OUT, 'ja-03-hover.png') });
    });
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
