import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import rule from './rule';
import { DEPENDENT_ACTIONS } from './table';
import { testRule } from '../../testing/testRule';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { getDiagnostics } from '../../features/diagnostics/diagnostics';
import { getCodeActions } from '../../features/codeActions/codeActions';

testRule(rule, {
  accept: [
    // the dependency is allowed elsewhere in the policy
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/fn", "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}]}',
    '{"Effect": "Allow", "Action": ["ecs:RunTask", "iam:PassRole"], "Resource": "*"}',
    // a wildcard says nothing about intent
    '{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}',
    // resource policies cannot grant iam:PassRole
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "lambda:CreateFunction", "Resource": "*"}',
      policyType: 'resource',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": [⟦"lambda:CreateFunction"⟧, "lambda:GetFunction"], "Resource": "*"}',
      messageId: 'missing',
      severity: 'info',
      message: /needs iam:PassRole to give the function its execution role/,
    },
    { code: '{"Effect": "Allow", "Action": [⟦"ecs:RunTask"⟧, "ecs:DescribeTasks"], "Resource": "*"}', message: /CWE_IAM_role\.html/ },
    // a Deny of the dependency leaves it missing
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [⟦"cloudformation:CreateStack"⟧, "iam:PassRole"], "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}',
    },
  ],
});

test('every table entry names real actions and cites an AWS documentation page', () => {
  const catalog = testCatalog();
  for (const entry of DEPENDENT_ACTIONS) {
    assert.ok(catalog.action(entry.action), entry.action);
    assert.ok(catalog.action(entry.requires), entry.requires);
    assert.match(entry.doc, /^https:\/\/docs\.aws\.amazon\.com\//);
  }
});

test('the quick-fix adds iam:PassRole in its own least-privilege statement', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": ["lambda:CreateFunction", "lambda:GetFunction"],',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const document = TextDocument.create('file:///t/deploy-policy.json', 'json', 1, text);
  const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
  const diagnostics = getDiagnostics(file, testCatalog(), document, { now: new Date('2026-11-22T00:00:00Z') }).filter(
    (d) => d.code === 'dependent-actions',
  );
  assert.equal(diagnostics.length, 1);
  const actions = getCodeActions(
    { catalog: testCatalog(), document, file, snippetEdits: false },
    diagnostics[0].range,
    diagnostics,
    undefined,
    diagnostics,
  );
  const action = actions.find((a) => a.title === 'Add iam:PassRole in its own statement');
  assert.ok(action?.edit?.changes, actions.map((a) => a.title).join('\n'));
  const edits = Object.values(action.edit.changes)[0] as TextEdit[];
  const after = TextDocument.applyEdits(document, edits);
  assert.equal(
    after,
    [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": ["lambda:CreateFunction", "lambda:GetFunction"],',
      '      "Resource": "*"',
      '    },',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": "iam:PassRole",',
      '      "Resource": "arn:aws:iam::<Account>:role/<RoleNameWithPath>",',
      '      "Condition": {',
      '        "StringEquals": {',
      '          "iam:PassedToService": "lambda.amazonaws.com"',
      '        }',
      '      }',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  );
  // applied: the dependency is no longer missing
  const again = analyzeFile(after, { languageId: 'json', matchesPolicyGlob: true });
  assert.equal(
    getDiagnostics(again, testCatalog(), TextDocument.create('file:///t/deploy-policy.json', 'json', 2, after), {}).filter(
      (d) => d.code === 'dependent-actions',
    ).length,
    0,
  );
});
