// Exact text of edits as a user makes them in a real VS Code (code-server, Playwright): the quick-fix
// from the light bulb (Ctrl+.), a rewrite from the Refactor menu (Ctrl+Shift+R), a template picked
// from completion with its placeholders filled by typing and Tab. After each, the file is saved
// (Ctrl+S) and the WHOLE text on disk, which is what VS Code made of the server's edit, is compared
// with the expected text below; a mismatch prints a line diff. A screenshot is saved for each.
// Used by ui.cjs: `files` are written into the workspace before code-server starts.
'use strict';
const fs = require('fs');
const path = require('path');
const { lineDiff } = require('./textDiff.cjs');

const text = (...l) => l.join('\n');
const lines = (...l) => text(...l) + '\n';

/** The documents the scenarios start from (written into the workspace folder). */
const files = {
  'edit-narrow.policy.json': lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadReports",',
    '      "Effect": "Allow",',
    '      "Action": "s3:*",',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
  ),
  'edit-mfa.policy.json': lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ManageUsers",',
    '      "Effect": "Allow",',
    '      "Action": "iam:DeleteUser",',
    '      "Resource": "arn:aws:iam::111122223333:user/*"',
    '    }',
    '  ]',
    '}',
  ),
  'edit-split.policy.json': lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadBucket",',
    '      "Effect": "Allow",',
    '      "Action": ["s3:GetObject", "s3:ListBucket"],',
    '      "Resource": "arn:aws:s3:::my-bucket"',
    '    }',
    '  ]',
    '}',
  ),
  'edit-passrole.policy.json': lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadRole",',
    '      "Effect": "Allow",',
    '      "Action": "iam:GetRole",',
    '      "Resource": "arn:aws:iam::111122223333:role/my-function-role"',
    '    },',
    '    {',
    '      "Sid": "DeployFunction",',
    '      "Effect": "Allow",',
    '      "Action": [',
    '        "lambda:UpdateFunctionConfiguration",',
    '        "iam:PassRole"',
    '      ],',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
  ),
  'edit-template.policy.json': '',
};

/** The whole text expected after each scenario (what the user gets on disk after Ctrl+S). */
const expected = {
  // 66 Read actions; the list changes when the IAM catalog (data/) is updated
  narrow: lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadReports",',
    '      "Effect": "Allow",',
    '      "Action": [',
    '        "s3:AllowVendedLogDeliveryForResource",',
    '        "s3:DescribeJob",',
    '        "s3:DescribeMultiRegionAccessPointOperation",',
    '        "s3:GetAccelerateConfiguration",',
    '        "s3:GetAccessGrant",',
    '        "s3:GetAccessGrantsInstance",',
    '        "s3:GetAccessGrantsInstanceForPrefix",',
    '        "s3:GetAccessGrantsInstanceResourcePolicy",',
    '        "s3:GetAccessGrantsLocation",',
    '        "s3:GetAccessPoint",',
    '        "s3:GetAccessPointConfigurationForObjectLambda",',
    '        "s3:GetAccessPointForObjectLambda",',
    '        "s3:GetAccessPointPolicy",',
    '        "s3:GetAccessPointPolicyForObjectLambda",',
    '        "s3:GetAccessPointPolicyStatus",',
    '        "s3:GetAccessPointPolicyStatusForObjectLambda",',
    '        "s3:GetAccountPublicAccessBlock",',
    '        "s3:GetAnalyticsConfiguration",',
    '        "s3:GetBucketAbac",',
    '        "s3:GetBucketAcl",',
    '        "s3:GetBucketCORS",',
    '        "s3:GetBucketLocation",',
    '        "s3:GetBucketLogging",',
    '        "s3:GetBucketMetadataTableConfiguration",',
    '        "s3:GetBucketNotification",',
    '        "s3:GetBucketObjectLockConfiguration",',
    '        "s3:GetBucketOwnershipControls",',
    '        "s3:GetBucketPolicy",',
    '        "s3:GetBucketPolicyStatus",',
    '        "s3:GetBucketPublicAccessBlock",',
    '        "s3:GetBucketRequestPayment",',
    '        "s3:GetBucketTagging",',
    '        "s3:GetBucketVersioning",',
    '        "s3:GetBucketWebsite",',
    '        "s3:GetDataAccess",',
    '        "s3:GetEncryptionConfiguration",',
    '        "s3:GetIntelligentTieringConfiguration",',
    '        "s3:GetInventoryConfiguration",',
    '        "s3:GetJobTagging",',
    '        "s3:GetLifecycleConfiguration",',
    '        "s3:GetMetricsConfiguration",',
    '        "s3:GetMultiRegionAccessPoint",',
    '        "s3:GetMultiRegionAccessPointPolicy",',
    '        "s3:GetMultiRegionAccessPointPolicyStatus",',
    '        "s3:GetMultiRegionAccessPointRoutes",',
    '        "s3:GetObject",',
    '        "s3:GetObjectAcl",',
    '        "s3:GetObjectAnnotation",',
    '        "s3:GetObjectAttributes",',
    '        "s3:GetObjectLegalHold",',
    '        "s3:GetObjectRetention",',
    '        "s3:GetObjectTagging",',
    '        "s3:GetObjectTorrent",',
    '        "s3:GetObjectVersion",',
    '        "s3:GetObjectVersionAcl",',
    '        "s3:GetObjectVersionAnnotation",',
    '        "s3:GetObjectVersionAnnotationForReplication",',
    '        "s3:GetObjectVersionAttributes",',
    '        "s3:GetObjectVersionForReplication",',
    '        "s3:GetObjectVersionTagging",',
    '        "s3:GetObjectVersionTorrent",',
    '        "s3:GetReplicationConfiguration",',
    '        "s3:GetStorageLensConfiguration",',
    '        "s3:GetStorageLensConfigurationTagging",',
    '        "s3:GetStorageLensDashboard",',
    '        "s3:GetStorageLensGroup"',
    '      ],',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
  ),

  mfa: lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ManageUsers",',
    '      "Effect": "Allow",',
    '      "Action": "iam:DeleteUser",',
    '      "Resource": "arn:aws:iam::111122223333:user/*",',
    '      "Condition": {',
    '        "Bool": {',
    '          "aws:MultiFactorAuthPresent": "true"',
    '        }',
    '      }',
    '    }',
    '  ]',
    '}',
  ),
  // (c) keeps the bucket name: the object ARN for s3:GetObject, the bucket ARN for s3:ListBucket, Sid first
  split: lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadBucket",',
    '      "Effect": "Allow",',
    '      "Action": "s3:GetObject",',
    '      "Resource": "arn:aws:s3:::my-bucket/*"',
    '    },',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": "s3:ListBucket",',
    '      "Resource": "arn:aws:s3:::my-bucket"',
    '    }',
    '  ]',
    '}',
  ),
  // (d) takes the role ARN from the file (the ReadRole statement) and the service from the lambda action
  passrole: lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "ReadRole",',
    '      "Effect": "Allow",',
    '      "Action": "iam:GetRole",',
    '      "Resource": "arn:aws:iam::111122223333:role/my-function-role"',
    '    },',
    '    {',
    '      "Sid": "DeployFunction",',
    '      "Effect": "Allow",',
    '      "Action": [',
    '        "lambda:UpdateFunctionConfiguration"',
    '      ],',
    '      "Resource": "*"',
    '    },',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": "iam:PassRole",',
    '      "Resource": "arn:aws:iam::111122223333:role/my-function-role",',
    '      "Condition": {',
    '        "StringEquals": {',
    '          "iam:PassedToService": "lambda.amazonaws.com"',
    '        }',
    '      }',
    '    }',
    '  ]',
    '}',
  ),
  // VS Code writes the template's tabs as the editor's indentation (4 spaces in a new file), no final newline
  template: text(
    '{',
    '    "Version": "2012-10-17",',
    '    "Statement": [',
    '        {',
    '            "Sid": "ListPrefix",',
    '            "Effect": "Allow",',
    '            "Action": "s3:ListBucket",',
    '            "Resource": "arn:aws:s3:::my-reports-bucket",',
    '            "Condition": {',
    '                "StringLike": {',
    '                    "s3:prefix": [',
    '                        "team/alice/*"',
    '                    ]',
    '                }',
    '            }',
    '        },',
    '        {',
    '            "Sid": "ReadWriteObjects",',
    '            "Effect": "Allow",',
    '            "Action": [',
    '                "s3:GetObject",',
    '                "s3:PutObject",',
    '                "s3:DeleteObject"',
    '            ],',
    '            "Resource": "arn:aws:s3:::my-reports-bucket/team/alice/*"',
    '        }',
    '    ]',
    '}',
  ),
};

/**
 * Runs the scenarios in an open workbench.
 * @param {{ page: import('playwright-core').Page, ws: string, out: string, check: Function, log: Function }} h
 */
async function runEditScenarios({ page, ws, out, check, log }) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function open(name) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout: 10000 });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10000 });
    await editor.locator('.view-lines').waitFor({ timeout: 10000 });
  }

  /** Puts the cursor on the first occurrence of `needle` (+ `delta` characters), with Go to Line/Column (Ctrl+G). */
  async function cursorAt(name, needle, delta = 1) {
    const text = fs.readFileSync(path.join(ws, name), 'utf8');
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`${needle} is not in ${name}`);
    const before = text.slice(0, at + delta).split('\n');
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout: 10000 });
    // the Go to Line input starts with ':'; "line:column" follows it
    await input.fill(`:${before.length}:${before[before.length - 1].length + 1}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10000 });
  }

  /**
   * Opens the code-action menu with `keys` (Ctrl+. or Ctrl+Shift+R) and picks the entry whose title
   * matches `title` with the mouse, as a user does. Diagnostics arrive after the file opens: until
   * the entry is there, the menu is closed and opened again. Returns the entries that were listed.
   */
  async function pick(keys, title, shot) {
    const deadline = Date.now() + 45000;
    for (;;) {
      await page.keyboard.press(keys);
      // VS Code keeps hidden action widgets in the DOM (one per editor): only the visible one counts
      const widget = page.locator('.action-widget:visible');
      const visible = await widget
        .waitFor({ state: 'visible', timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (visible) {
        const rows = widget.locator('.monaco-list-row.action');
        const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        const focused = await rows
          .locator('xpath=self::*[contains(@class, "focused")]')
          .first()
          .innerText({ timeout: 1000 })
          .catch(() => '');
        const index = texts.findIndex((t) => title.test(t));
        if (index >= 0) {
          log(`menu (${keys}): ${JSON.stringify(texts)}; preselected: ${JSON.stringify(focused.replace(/\s+/g, ' ').trim())}`);
          if (shot) await page.screenshot({ path: path.join(out, shot) });
          await rows.nth(index).click();
          await page.locator('.action-widget:visible').waitFor({ state: 'detached', timeout: 10000 });
          return { texts, focused };
        }
        await page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`no ${title} in the menu; listed: ${JSON.stringify(texts)}`);
      } else if (Date.now() > deadline) {
        throw new Error(`the code-action menu (${keys}) did not open`);
      }
      await sleep(1000);
    }
  }

  /**
   * Escape and Ctrl+S, as a user does; then the file on disk once it differs from `before`, the tab
   * is not dirty and the text is the same twice in a row. (A code action's edit can reach the editor
   * after the menu closes, and code-server's default auto-save may write it first.)
   */
  async function saved(name, before) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    const file = path.join(ws, name);
    const deadline = Date.now() + 20000;
    let last;
    for (;;) {
      const now = fs.readFileSync(file, 'utf8');
      const dirty = await page.locator('.tab.active.dirty').count();
      if (now !== before && dirty === 0 && now === last) return now;
      if (Date.now() > deadline) throw new Error(`${name} was not saved with the edit (dirty tab: ${dirty > 0}); on disk:\n${now}`);
      last = now;
      await sleep(500);
    }
  }

  function compare(what, actual) {
    const want = expected[what];
    fs.writeFileSync(path.join(out, `edit-${what}.actual.json`), actual);
    if (want === undefined) throw new Error(`no expected text for ${what}; actual:\n${actual}`);
    const diff = lineDiff(want, actual);
    if (diff) throw new Error(`the text after ${what} is not the expected text:\n${diff}`);
  }

  // the screenshots show the edited file: hide the panel (ui.cjs's Problems check opened it)
  if (await page.locator('.part.panel:visible').count()) await page.keyboard.press('Control+J');

  await check('(a) the light bulb narrows "s3:*" to its Read actions: exact text', async () => {
    const name = 'edit-narrow.policy.json';
    await open(name);
    await cursorAt(name, '"s3:*"', 2);
    await pick('Control+.', /^Replace "s3:\*": Only Read actions of s3/, '10-narrow-menu.png');
    const text = await saved(name, files[name]);
    await page.screenshot({ path: path.join(out, '11-narrow-after.png') });
    compare('narrow', text);
  });

  await check('(b) Refactor… adds the MFA condition: exact text', async () => {
    const name = 'edit-mfa.policy.json';
    await open(name);
    await cursorAt(name, '"Effect"', 2);
    await pick('Control+Shift+R', /^Add condition: require MFA/, '12-mfa-menu.png');
    const text = await saved(name, files[name]);
    await page.screenshot({ path: path.join(out, '13-mfa-after.png') });
    compare('mfa', text);
  });

  await check('(c) the quick-fix splits s3:GetObject / s3:ListBucket by resource type: exact text', async () => {
    const name = 'edit-split.policy.json';
    await open(name);
    await cursorAt(name, '"s3:GetObject"', 2);
    await pick('Control+.', /^Split into 2 statements, one per resource type/, '14-split-menu.png');
    const text = await saved(name, files[name]);
    await page.screenshot({ path: path.join(out, '15-split-after.png') });
    compare('split', text);
  });

  await check('(d) the passrole-star quick-fix: exact text', async () => {
    const name = 'edit-passrole.policy.json';
    await open(name);
    await cursorAt(name, '"iam:PassRole"', 2);
    await pick('Control+.', /^Move iam:PassRole into its own statement/, '16-passrole-menu.png');
    const text = await saved(name, files[name]);
    await page.screenshot({ path: path.join(out, '17-passrole-after.png') });
    compare('passrole', text);
  });

  await check('(e) a template from completion, placeholders filled by typing and Tab: exact text', async () => {
    const name = 'edit-template.policy.json';
    await open(name);
    await editor.locator('.view-lines').click();
    // in the empty file, Ctrl+Space lists the policy templates by name
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ timeout: 20000 });
    const row = widget.locator('.monaco-list-row', { hasText: 'S3 read/write under one prefix' }).first();
    await row.waitFor({ timeout: 20000 });
    log(
      'suggestions:',
      JSON.stringify((await widget.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())),
    );
    await page.screenshot({ path: path.join(out, '18-template-suggest.png') });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout: 10000 });
    // placeholder 1 (the bucket, in both ARNs) is selected: type over it, Tab to the prefix, type,
    // Tab to the end; no suggest list may open on the way (Tab would accept it)
    const suggestOpen = [];
    /** Types into the placeholder, then Tab; says so if a suggest list opened meanwhile (Tab accepts it). */
    async function fill(value) {
      await page.keyboard.type(value, { delay: 20 });
      // a user's pause before Tab: long enough for quick suggestions to open (they did, with
      // words of other open files, until configurationDefaults turned them off in snippet mode)
      const opened = await widget.waitFor({ timeout: 2500 }).then(
        () => true,
        () => false,
      );
      const rows = opened ? await widget.locator('.monaco-list-row').allInnerTexts() : [];
      if (opened)
        suggestOpen.push(`after typing ${JSON.stringify(value)}: ${JSON.stringify(rows.slice(0, 5).map((t) => t.replace(/\s+/g, ' ')))}`);
    }
    await fill('my-reports-bucket');
    await page.keyboard.press('Tab');
    await fill('team/alice');
    await page.screenshot({ path: path.join(out, '19-template-filling.png') });
    await page.keyboard.press('Tab');
    const text = await saved(name, files[name]);
    await page.screenshot({ path: path.join(out, '20-template-after.png') });
    const why = suggestOpen.length ? `\na suggest list was open when Tab was pressed, ${suggestOpen.join('; ')}` : '';
    try {
      compare('template', text);
    } catch (e) {
      throw new Error(e.message + why);
    }
    if (why) throw new Error(why.trim());
  });
}

module.exports = { files, expected, runEditScenarios };
