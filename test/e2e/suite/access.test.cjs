// End-to-end tests of the access features inside a real VS Code's extension host: "Can This
// Policy …?" driven through its pickers, iamPolicy.simulate through the language client, the
// access-test lens, and the access diff lens and view (against the saved file: the workspace is
// not a git repository). Every wait is on a condition with a deadline, never a fixed sleep.
'use strict';
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'iam-policy-language.iam-policy-language';

async function until(check, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const folder = () => vscode.workspace.workspaceFolders[0].uri;
const policy = (actions) =>
  `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AppData',
          Effect: 'Allow',
          Action: actions,
          Resource: 'arn:aws:s3:::app-data/*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    },
    null,
    2,
  )}\n`;

async function write(relative, content) {
  const uri = vscode.Uri.joinPath(folder(), relative);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content));
  return uri;
}

async function lensTitles(uri, pattern) {
  const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.map((l) => l.command?.title ?? '').filter((t) => pattern.test(t));
}

const accessViews = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'iam-policy-access');

describe('IAM Policy Language in VS Code: access features', function () {
  let autoSave;
  before(async function () {
    await vscode.extensions.getExtension(EXT_ID).activate();
    // VS Code for the Web (code-server) saves after a delay by default: the diff against the
    // saved file needs the edited buffer to stay unsaved
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async function () {
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  it('iamPolicy.simulate answers through the language client with the localized explanation', async function () {
    const uri = await write('access-e2e/app.json', policy(['s3:GetObject']));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await until(async () => {
      const r = await vscode.commands.executeCommand('iamPolicy.simulate', {
        uri: uri.toString(),
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::app-data/a',
        context: ['aws:SourceIp=10.1.2.3'],
        markdown: true,
      });
      return r && r.decision ? r : undefined;
    }, 'a simulation');
    assert.strictEqual(result.decision, 'allowed');
    assert.match(result.markdown, /Allow · statement "AppData" \(app\.json:4\)/);
  });

  it('Can This Policy …? walks action, resource, context and principal and opens the explanation', async function () {
    const uri = vscode.Uri.joinPath(folder(), 'access-e2e/app.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const before = accessViews().length;
    const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const running = vscode.commands.executeCommand('iamPolicy.canThisPolicy', uri);
    // 1/4 the first action of the policy (s3:GetObject), 2/4 the pre-filled resource, 3/4 "Decide", 4/4 no principal
    for (let step = 0; step < 4; step++) {
      await new Promise((r) => setTimeout(r, step === 0 ? 1500 : 500));
      await accept();
    }
    const result = await running;
    assert.ok(result && result.markdown, JSON.stringify(result));
    assert.strictEqual(result.request.action, 's3:GetObject');
    assert.strictEqual(result.request.resource, 'arn:aws:s3:::app-data/*');
    // no context: the condition key is absent, so the request is denied
    assert.strictEqual(result.decision, 'implicitDeny');
    const view = await until(
      () => accessViews().length > before && accessViews().find((d) => /# Can app\.json do s3:GetObject/.test(d.getText())),
      'the view',
    );
    assert.match(view.getText(), /\| `aws:SourceIp` \| `10\.0\.0\.0\/8` \| \(absent\) \|/);
  });

  it('access tests: the lens on the policy follows the configuration', async function () {
    await write(
      'access-e2e/.iampolicy.json',
      JSON.stringify({
        accessTests: [
          {
            name: 'e2e',
            policy: 'app.json',
            allows: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/x', context: { 'aws:SourceIp': '10.0.0.1' } }],
            denies: [{ action: 's3:PutObject', resource: 'arn:aws:s3:::app-data/x', context: { 'aws:SourceIp': '10.0.0.1' } }],
          },
        ],
      }),
    );
    const uri = vscode.Uri.joinPath(folder(), 'access-e2e/app.json');
    const titles = await until(async () => {
      const t = await lensTitles(uri, /access test/);
      return t.length ? t : undefined;
    }, 'the access-test lens');
    assert.deepStrictEqual(titles, ['✓ 2 access tests pass']);
  });

  it('the access diff lens against the saved file opens its view', async function () {
    const uri = vscode.Uri.joinPath(folder(), 'access-e2e/app.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), policy(['s3:GetObject', 's3:PutObject']));
    await vscode.workspace.applyEdit(edit);
    const titles = await until(async () => {
      const t = await lensTitles(uri, /^vs /);
      return t.length ? t : undefined;
    }, 'the diff lens');
    assert.deepStrictEqual(titles, ['vs the saved file: +1 Write (s3)']);
    const result = await vscode.commands.executeCommand('iamPolicy.showAccessDiff', uri);
    assert.strictEqual(result.base, 'saved');
    const view = await until(
      () => accessViews().find((d) => /# Access changes of app\.json vs the saved file/.test(d.getText())),
      'the diff view',
    );
    assert.match(view.getText(), /\| `s3` \| Write \| PutObject \|/);
    // the edited buffer now fails the "denies" expectation: the lens says so
    const tests = await until(async () => {
      const t = await lensTitles(uri, /access test/);
      return t.includes('✗ 1 of 2 access tests fails') ? t : undefined;
    }, 'the failing access-test lens');
    assert.deepStrictEqual(tests, ['✗ 1 of 2 access tests fails']);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
