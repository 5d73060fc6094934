/**
 * Multi-line fixes as VS Code applies them: VS Code re-indents snippet edits (each line after the
 * first gets the start line's indentation), so the server must send snippets relative to that line,
 * or plain text where there is no tab stop. Every action is applied the VS Code way and the whole
 * document compared, with the exact text and with what a plain client gets.
 */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, positionAt } from './harness';
import { sharedServer } from './sharedServer';
import { applyAsVSCode } from './vscodeEdits';

const nested = (statement: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statement
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n  ]\n}`;

suite('LSP over stdio: edits as VS Code applies snippet edits', () => {
  let vscode: LspClient;
  let plain: LspClient;
  before(async () => {
    vscode = new LspClient();
    await vscode.initialize({ snippetEdits: true });
    plain = await sharedServer();
  });
  after(() => vscode.shutdown());

  async function actionsAt(client: LspClient, uri: string, text: string, offset: number, rule?: string): Promise<CodeAction[]> {
    client.open(uri, text);
    const all = rule ? await client.diagnostics(uri) : [];
    const diagnostics: Diagnostic[] = all.filter((d) => d.code === rule);
    assert.ok(!rule || diagnostics.length > 0, `${rule} in ${all.map((d) => d.code).join()}`);
    const position = positionAt(text, offset);
    const range = rule ? diagnostics[0].range : { start: position, end: position };
    return (await client.codeActions(uri, range, diagnostics, rule ? ['quickfix'] : ['refactor'])) ?? [];
  }

  function pick(list: CodeAction[], title: RegExp): CodeAction {
    const found = list.find((a) => title.test(a.title));
    assert.ok(found, `${title} in ${list.map((a) => a.title).join(' | ')}`);
    return found;
  }

  test('"Only Read actions of s3" keeps every action at the list\'s indentation', async () => {
    const uri = 'file:///ws/narrow.json';
    const text = nested('{\n  "Effect": "Allow",\n  "Action": "s3:*",\n  "Resource": "*"\n}');
    const action = pick(await actionsAt(vscode, uri, text, text.indexOf('s3:*'), 'service-wildcard'), /^Replace .*Only Read actions of s3/);
    const result = applyAsVSCode(text, uri, action.edit);
    const list = (JSON.parse(result) as { Statement: { Action: string[] }[] }).Statement[0].Action;
    assert.ok(list.length > 20 && list.every((a) => a.startsWith('s3:')), list.join());
    const expected = text.replace('"s3:*"', `[\n${list.map((a) => `        "${a}"`).join(',\n')}\n      ]`);
    assert.equal(result, expected);
  });

  test('"Add condition: require MFA" lands at the statement\'s indentation', async () => {
    const uri = 'file:///ws/mfa.json';
    const text = nested('{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*"\n}');
    const action = pick(await actionsAt(vscode, uri, text, text.indexOf('Effect'), undefined), /require MFA/);
    assert.equal(
      applyAsVSCode(text, uri, action.edit),
      text.replace(
        '"Resource": "*"',
        '"Resource": "*",\n      "Condition": {\n        "Bool": {\n          "aws:MultiFactorAuthPresent": "true"\n        }\n      }',
      ),
    );
  });

  test('every action, applied as VS Code applies it, gives the text a plain client gets', async () => {
    const cases: { text: string; rule?: string; at: string }[] = [
      { text: nested('{\n  "Effect": "Allow",\n  "Action": "s3:*",\n  "Resource": "*"\n}'), rule: 'service-wildcard', at: 's3:*' },
      {
        text: nested('{\n  "Effect": "Allow",\n  "Action": ["iam:PassRole", "ec2:RunInstances"],\n  "Resource": "*"\n}'),
        rule: 'passrole-star',
        at: 'iam:PassRole',
      },
      { text: nested('{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "ec2:StartInstances"],\n  "Resource": "*"\n}'), at: 'Effect' },
      { text: nested('{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*"\n}'), rule: 'resource-star', at: '"*"' },
    ];
    let compared = 0;
    for (const [i, c] of cases.entries()) {
      const uri = `file:///ws/all-${i}.json`;
      const offset = c.text.indexOf(c.at);
      const fromVSCode = await actionsAt(vscode, uri, c.text, offset, c.rule);
      const fromPlain = await actionsAt(plain, uri, c.text, offset, c.rule);
      for (const action of fromVSCode.filter((a) => a.edit)) {
        const other = fromPlain.find((a) => a.title === action.title);
        assert.ok(other?.edit, action.title);
        assert.equal(applyAsVSCode(c.text, uri, action.edit), applyAsVSCode(c.text, uri, other.edit), action.title);
        compared++;
      }
    }
    assert.ok(compared >= 8, `compared ${compared}`);
  });

  test('a snippet edit is never sent beside another edit (VS Code re-indents only part of it)', async () => {
    // seen in real VS Code (npm run test:e2e, ui): "Move iam:PassRole into its own statement" as a
    // plain removal plus a snippet insertion put the new statement's first lines at column 0
    const uri = 'file:///ws/passrole-move.json';
    const text = nested('{\n  "Effect": "Allow",\n  "Action": ["iam:PassRole", "ec2:RunInstances"],\n  "Resource": "*"\n}');
    const actions = await actionsAt(vscode, uri, text, text.indexOf('iam:PassRole'), 'passrole-star');
    const move = pick(actions, /^Move iam:PassRole into its own statement/);
    assert.equal(move.edit?.changes?.[uri]?.length, 2, JSON.stringify(move.edit));
    for (const action of actions.filter((a) => a.edit?.documentChanges)) {
      const edits = action.edit!.documentChanges!.flatMap((c) => ('edits' in c ? c.edits : []));
      assert.equal(edits.length, 1, `${action.title}: a snippet beside ${edits.length - 1} other edits`);
    }
  });
});
