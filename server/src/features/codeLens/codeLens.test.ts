import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { getCodeLenses } from './codeLens';

function lenses(text: string) {
  const document = TextDocument.create('file:///p.json', 'json', 1, text);
  return getCodeLenses(
    testCatalog(),
    analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true }),
    document,
    new Date('2026-11-22T00:00:00Z'),
  );
}

suite('code lens: what each statement grants', () => {
  test('one lens per statement, on its first line, with levels, resources and conditions', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:ListBucket', 's3:GetObject', 's3:GetObjectVersion'],
            Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
          { Effect: 'Deny', Action: '*', Resource: '*' },
        ],
      },
      null,
      2,
    );
    const [first, second] = lenses(text);
    assert.equal(first.range.start.line, 3);
    assert.match(first.command!.title, /^Allow · s3: List 1, Read 2 · /);
    assert.match(first.command!.title, /MFA/);
    assert.equal(first.command!.command, 'iamPolicy.showSummary');
    assert.match(second.command!.title, /^Deny · /);
    assert.match(second.command!.title, /all resources/);
  });

  test('half-typed policies still get lenses for what parses', () => {
    const out = lenses(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*"}, {"Effect": ',
    );
    assert.ok(out.length >= 1);
    assert.match(out[0].command!.title, /ec2: Write 1/);
  });
});
