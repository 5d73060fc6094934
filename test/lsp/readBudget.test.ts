/**
 * Issue 17 item 7: reading a document (parse and model) has a time budget, like the rules. A
 * document too large to read within it gets the visible "too large to check fully" warning (never
 * an empty list), is not read again on every keystroke, and a small document's diagnostics come
 * while a big one is still being checked. No timing is asserted: only what is reported, and in
 * which order answers arrive.
 */
import { strict as assert } from 'node:assert';
import { after, before, suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

/**
 * The reproduction was a 1.4 MB policy of one statement of 83,000 actions; these documents have
 * its shape at about 0.3 MB, still many times what a 1 ms read budget allows (larger only
 * costs time: the budget, not the size, is what the tests are about).
 */
const actions = Array.from({ length: 10_000 }, (_, i) => `s3:GetObject${i}`);
/** one statement of 10,000 actions (about 0.3 MB, pretty-printed) */
const bigJson = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2);
const bigYaml = [
  'Resources:',
  '  R:',
  '    Type: AWS::IAM::ManagedPolicy',
  '    Properties:',
  '      PolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Resource: "*"',
  '            Action:',
  ...actions.map((a) => `              - ${a}`),
  '',
].join('\n');
/** a Terraform heredoc of about 0.35 MB */
const heredocPolicy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: Array.from({ length: 2_000 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: `arn:aws:s3:::bucket${i}/*`,
    })),
  },
  null,
  2,
);
const bigTerraform = `resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = <<EOF\n${heredocPolicy}\nEOF\n}\n`;
/**
 * Checked in full (no budget runs out), for long enough to take many of the rules' time slices,
 * between which the server answers other requests: 3,000 unknown actions (about 85 KB).
 */
const slowToCheck = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions.slice(0, 3_000), Resource: '*' }] },
  null,
  2,
);
const SMALL = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }] }';

function tooLarge(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === 'too-large-to-check');
}

suite('LSP over stdio: the read budget (parse and model)', () => {
  let tight: LspClient;
  before(async () => {
    // a read budget of 1 ms: any of these documents runs out of it
    tight = new LspClient({ env: { IAM_POLICY_READ_BUDGET_MS: '1' } });
    await tight.initialize();
  });
  after(async () => {
    await tight.shutdown();
  });

  for (const [name, uri, text, languageId] of [
    ['a 0.3 MB JSON policy of 10,000 actions', 'file:///ws/big/actions.policy.json', bigJson, 'json'],
    ['a 0.3 MB CloudFormation YAML template', 'file:///ws/big/template.yaml', bigYaml, 'yaml'],
    ['a 0.35 MB Terraform heredoc', 'file:///ws/big/main.tf', bigTerraform, 'terraform'],
  ] as const) {
    test(`${name}: one "too large to check fully" warning, never an empty list`, async () => {
      assert.ok(text.length > 250_000, `${text.length}`);
      tight.open(uri, text, languageId);
      const diagnostics = await tight.diagnostics(uri);
      const warning = tooLarge(diagnostics);
      assert.ok(warning, JSON.stringify(diagnostics.slice(0, 3)));
      assert.equal(diagnostics.length, 1);
      assert.equal(warning.severity, 2);
      assert.match(
        String(warning.message),
        /^too large to check fully: reading the document did not finish within 1 s, so no rule ran\. Split the policy, or check the file with iam-policy-lint\.$/,
      );
      assert.deepEqual(warning.range.start, { line: 0, character: 0 });
    });
  }

  test('a document over the budget is not read again on each keystroke (only once it shrinks)', async () => {
    const uri = 'file:///ws/big/keystrokes.policy.json';
    const logged = () =>
      tight.notifications.filter(
        (n) => n.method === 'window/logMessage' && String((n.params as { message: string }).message).includes(`${uri}: too large to read`),
      ).length;
    tight.open(uri, bigJson);
    assert.ok(tooLarge(await tight.diagnostics(uri)));
    assert.equal(logged(), 1);
    for (let i = 0; i < 3; i++) {
      tight.change(uri, bigJson.replace('"s3:GetObject1"', `"s3:GetObject1${'x'.repeat(i + 1)}"`));
      assert.ok(tooLarge(await tight.diagnostics(uri)), 'still reported after an edit');
    }
    assert.equal(logged(), 1, 'read once: later versions of about the same size are not read again');
    // much smaller: read again (and checked, within any budget)
    tight.change(uri, SMALL);
    const small = await tight.diagnostics(uri);
    assert.ok(!tooLarge(small));
    assert.ok(small.some((d) => d.code === 'full-admin'));
  });

  test('a small document next to a huge one is checked as usual', async () => {
    tight.open('file:///ws/big/small.policy.json', SMALL);
    const diagnostics = await tight.diagnostics('file:///ws/big/small.policy.json');
    assert.ok(diagnostics.some((d) => d.code === 'full-admin'));
    assert.ok(!tooLarge(diagnostics));
  });
});

suite('LSP over stdio: a small document is answered while a big one is being checked', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ env: { IAM_POLICY_CHECK_BUDGET_MS: '3000', IAM_POLICY_READ_BUDGET_MS: '600000' } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('the small document answers first; the big one answers with findings, never empty', async () => {
    const big = 'file:///ws/order/actions.policy.json';
    const small = 'file:///ws/order/small.policy.json';
    client.open(big, slowToCheck);
    client.open(small, SMALL);
    const order: string[] = [];
    const bigDone = client.diagnostics(big).then((d) => {
      order.push('big');
      return d;
    });
    const smallDone = client.diagnostics(small).then((d) => {
      order.push('small');
      return d;
    });
    const [bigDiagnostics, smallDiagnostics] = await Promise.all([bigDone, smallDone]);
    assert.deepEqual(order, ['small', 'big']);
    assert.ok(smallDiagnostics.some((d) => d.code === 'full-admin'));
    assert.ok(bigDiagnostics.length > 0);
  });
});
