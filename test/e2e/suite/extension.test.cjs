// End-to-end tests inside a real VS Code's extension host (code-server): the extension as a
// user gets it, talking to its bundled language server. Every wait is on an event or a
// condition with a deadline, never a fixed sleep.
'use strict';
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'iam-policy-language.iam-policy-language';

/** Resolves when `check()` returns a truthy value, re-checking on each event; rejects after the deadline. */
function when(events, check, what, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const subscriptions = [];
    const done = (fn, value) => {
      clearTimeout(timer);
      clearInterval(poll);
      subscriptions.forEach((s) => s.dispose());
      fn(value);
    };
    const attempt = async () => {
      try {
        const value = await check();
        if (value) done(resolve, value);
      } catch (e) {
        done(reject, e);
      }
    };
    const timer = setTimeout(() => done(reject, new Error(`timed out waiting for ${what}`)), timeoutMs);
    // providers have no change events: a slow re-check backs the events up
    const poll = setInterval(attempt, 250);
    for (const event of events) subscriptions.push(event(() => void attempt()));
    void attempt();
  });
}

const text = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const folder = () => vscode.workspace.workspaceFolders[0].uri;

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function untitledPolicy(name, content) {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content));
  return open(name);
}

function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy');
}

describe('IAM Policy Language in VS Code', function () {
  let api;
  before(async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is installed`);
    api = await ext.activate();
    console.log('host', JSON.stringify({ vscode: vscode.version, appName: vscode.env.appName, node: process.version }));
  });

  it('completion lists s3:GetObject with its access level', async function () {
    const doc = await untitledPolicy(
      'typing-policy.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetOb", "Resource": "*"}]\n}\n',
    );
    const position = doc.positionAt(doc.getText().indexOf('s3:GetOb') + 's3:GetOb'.length);
    const list = await when(
      [],
      async () => {
        const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position, undefined, 50);
        return l.items.some((i) => labelOf(i) === 's3:GetObject') && l;
      },
      'the s3:GetObject completion',
    );
    const item = list.items.find((i) => labelOf(i) === 's3:GetObject');
    const described = `${item.detail ?? ''} ${typeof item.label === 'string' ? '' : (item.label.description ?? '')} ${item.label.detail ?? ''}`;
    assert.match(described, /Read/, `access level shown: ${described}`);
  });

  it('hover on an action shows its access level; on a wildcard, what it expands to', async function () {
    const doc = await open('broad-policy.json');
    const at = (needle) => doc.positionAt(doc.getText().indexOf(needle) + 3);
    const hover = await when(
      [],
      async () => text(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at('iam:PassRole'))),
      'hover on iam:PassRole',
    );
    assert.match(hover, /Write/);
    const wildcard = text(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at('s3:*')));
    assert.match(wildcard, /List/);
    assert.match(wildcard, /Permissions management/);
  });

  it('a broad statement shows diagnostics, with rule codes and documentation links', async function () {
    const doc = await open('broad-policy.json');
    const diagnostics = await when(
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        const d = ourDiagnostics(doc.uri);
        return d.some((x) => codeOf(x) === 'service-wildcard') && d;
      },
      'the service-wildcard diagnostic',
    );
    const wildcard = diagnostics.find((d) => codeOf(d) === 'service-wildcard');
    assert.strictEqual(wildcard.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'passrole-star'));
    assert.match(String(wildcard.code.target), /service-wildcard\.md$/);
  });

  it('its quick-fix narrows the wildcard to explicit actions', async function () {
    const doc = await untitledPolicy(
      'narrow-policy.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:*",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n    }\n  ]\n}\n',
    );
    const diagnostic = await when(
      [vscode.languages.onDidChangeDiagnostics],
      () => ourDiagnostics(doc.uri).find((d) => codeOf(d) === 'service-wildcard'),
      'the diagnostic',
    );
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const narrow = actions.find((a) => /Only Read actions of s3/.test(a.title));
    assert.ok(narrow, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(narrow.edit));
    const policy = JSON.parse(doc.getText());
    const list = [].concat(policy.Statement[0].Action);
    assert.ok(list.includes('s3:GetObject') && !list.includes('s3:*') && !list.includes('s3:PutObject'), list.join(','));
    await when(
      [vscode.languages.onDidChangeDiagnostics],
      () => !ourDiagnostics(doc.uri).some((d) => codeOf(d) === 'service-wildcard'),
      'the warning to go',
    );
  });

  it('a least-privilege snippet inserts a policy that passes the rules', async function () {
    const doc = await untitledPolicy('new-policy.json', '');
    const editor = vscode.window.activeTextEditor;
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
    const snippet = list.items.find((i) => labelOf(i) === 'iam-s3-read-bucket' || /S3 read of one bucket/.test(labelOf(i)));
    assert.ok(snippet, `offered: ${list.items.slice(0, 30).map(labelOf).join(', ')}`);
    const body =
      snippet.insertText instanceof vscode.SnippetString ? snippet.insertText : new vscode.SnippetString(String(snippet.insertText));
    assert.ok(await editor.insertSnippet(body, new vscode.Position(0, 0)));
    const policy = JSON.parse(doc.getText());
    assert.strictEqual(policy.Statement[0].Action, 's3:ListBucket');
    await doc.save();
    await when(
      [vscode.languages.onDidChangeDiagnostics],
      async () => {
        const d = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
        return d && d.length === 2;
      },
      'code lenses for the inserted statements',
    );
    assert.deepStrictEqual(
      ourDiagnostics(doc.uri)
        .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
        .map((d) => d.message),
      [],
    );
  });

  it('a code lens above each statement says what it grants', async function () {
    const doc = await open('s3-read-one-bucket.policy.json');
    const lenses = await when(
      [],
      async () => {
        const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 10);
        return l && l.length === 2 && l;
      },
      'two code lenses',
    );
    assert.match(lenses[0].command.title, /^Allow · s3: List 1/);
    assert.match(lenses[1].command.title, /^Allow · s3: Read 2/);
  });

  it('the policy type is inferred (trust) and overridden by a glob setting (SCP)', async function () {
    const client = api.client().client;
    const trust = await open('lambda-trust-policy.json');
    const info = await client.sendRequest('iamPolicy/documentInfo', { uri: trust.uri.toString() });
    assert.strictEqual(info.policyType, 'trust');
    const scp = await open('deny-regions.scp.policy.json');
    const scpInfo = await client.sendRequest('iamPolicy/documentInfo', { uri: scp.uri.toString() });
    assert.deepStrictEqual([scpInfo.policyType, scpInfo.policyTypeSource], ['scp', 'glob']);
  });

  it('the palette commands are registered, and the summary view opens', async function () {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'iamPolicy.accessAnalyzer.validate',
      'iamPolicy.accessAnalyzer.checkNoNewAccess',
      'iamPolicy.accessAnalyzer.checkAccessNotGranted',
      'iamPolicy.accessAnalyzer.checkNoPublicAccess',
      'iamPolicy.setPolicyType',
      'iamPolicy.showSummary',
      'iamPolicy.openRuleDocumentation',
      'iamPolicy.restartServer',
    ]) {
      assert.ok(commands.includes(id), id);
    }
    await open('broad-policy.json');
    await vscode.commands.executeCommand('iamPolicy.showSummary');
    await when(
      [vscode.window.tabGroups.onDidChangeTabs],
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => /^Summary: broad-policy\.json/.test(t.label)),
      'the summary tab',
    );
  });

  it('documents that are not policies get nothing', async function () {
    const doc = await untitledPolicy('package.json', '{"name": "x", "version": "1.0.0"}');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    assert.strictEqual((lenses ?? []).length, 0);
    assert.strictEqual(ourDiagnostics(doc.uri).length, 0);
  });
});

function codeOf(d) {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
