/**
 * Fixes that derive their values from the document (issue 12: never lose a name) and fixes that
 * must not rewrite what a statement already tests (issue 17): each case applies the fix and
 * compares the whole resulting text, then lints it again where a new finding was the defect.
 */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { getDiagnostics } from '../diagnostics/diagnostics';
import { getCodeActions } from './codeActions';

const NOW = new Date('2026-11-22T00:00:00Z');

function lint(text: string): { document: TextDocument; file: ReturnType<typeof analyzeFile>; diagnostics: Diagnostic[] } {
  const document = TextDocument.create('file:///t/policy.json', 'json', 1, text);
  const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
  return { document, file, diagnostics: getDiagnostics(file, testCatalog(), document, { now: NOW }) };
}

function titles(text: string, rule: string): string[] {
  const { document, file, diagnostics } = lint(text);
  return diagnostics
    .filter((d) => d.code === rule)
    .flatMap((d) => getCodeActions({ catalog: testCatalog(), document, file }, d.range, [d], ['quickfix']).map((a) => a.title));
}

function applyFix(text: string, rule: string, title: RegExp): string {
  const { document, file, diagnostics } = lint(text);
  for (const d of diagnostics.filter((x) => x.code === rule)) {
    const action = getCodeActions({ catalog: testCatalog(), document, file }, d.range, [d], ['quickfix']).find((a) => title.test(a.title));
    if (action?.edit?.changes) {
      return TextDocument.applyEdits(document, Object.values(action.edit.changes)[0] as TextEdit[]);
    }
  }
  assert.fail(`no ${rule} quick-fix ${title}; got: ${titles(text, rule).join(' | ')}`);
}

const serious = (text: string) =>
  lint(text)
    .diagnostics.filter((d) => (d.severity ?? 4) <= 2)
    .map((d) => `${d.code}: ${d.message}`);

suite('fixes derive values from the document', () => {
  test('split by resource type: the object ARN from the bucket the statement names (issue 12)', () => {
    const before =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": "arn:aws:s3:::my-bucket"\n    }\n  ]\n}';
    assert.equal(
      applyFix(before, 'resource-type-mismatch', /^Split into 2 statements/),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::my-bucket/*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "s3:ListBucket",\n      "Resource": "arn:aws:s3:::my-bucket"\n    }\n  ]\n}',
    );
  });

  test('split by resource type keeps the log group, never moves an action to "*", derives Region and account (issue 17 item 6)', () => {
    const before =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Logs",\n      "Effect": "Allow",\n      "Action": ["logs:CreateLogStream", "logs:StopLiveTail", "logs:PutDestinationPolicy"],\n      "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*"\n    }\n  ]\n}';
    const after = applyFix(before, 'resource-type-mismatch', /^Split into 2 statements/);
    assert.equal(
      after,
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Logs",\n      "Effect": "Allow",\n      "Action": [\n        "logs:CreateLogStream",\n        "logs:StopLiveTail"\n      ],\n      "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "logs:PutDestinationPolicy",\n      "Resource": "arn:aws:logs:us-east-1:111122223333:destination:<DestinationName>"\n    }\n  ]\n}',
    );
    // the one thing left to the user is said once
    assert.deepEqual(
      serious(after).filter((m) => m.startsWith('invalid-arn')),
      [
        'invalid-arn: "arn:aws:logs:us-east-1:111122223333:destination:<DestinationName>" still has the placeholder <DestinationName>: fill in the real value.',
      ],
    );
  });

  test('split by resource type: nothing to split when the only other action needs "*"', () => {
    const before =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:StopLiveTail"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*"}]}';
    assert.deepEqual(
      titles(before, 'resource-type-mismatch').filter((x) => x.startsWith('Split')),
      [],
    );
  });

  test('PassRole moved into its own statement: the account from the file, the service from the statement (lambda)', () => {
    const before =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["lambda:CreateFunction", "iam:PassRole"],\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "lambda:InvokeFunction",\n      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:app"\n    }\n  ]\n}';
    assert.equal(
      applyFix(before, 'passrole-star', /^Move iam:PassRole/),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["lambda:CreateFunction"],\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "arn:aws:iam::123456789012:role/<RoleNameWithPath>",\n      "Condition": {\n        "StringEquals": {\n          "iam:PassedToService": "lambda.amazonaws.com"\n        }\n      }\n    },\n    {\n      "Effect": "Allow",\n      "Action": "lambda:InvokeFunction",\n      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:app"\n    }\n  ]\n}',
    );
  });

  test('PassRole limited to the roles the file names', () => {
    const before =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},\n    {"Effect": "Allow", "Action": "iam:GetRole", "Resource": ["arn:aws:iam::123456789012:role/task-role", "arn:aws:iam::123456789012:role/exec-role"]}\n  ]\n}';
    assert.equal(
      applyFix(before, 'passrole-star', /^Limit iam:PassRole/),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::123456789012:role/task-role", "arn:aws:iam::123456789012:role/exec-role"]},\n    {"Effect": "Allow", "Action": "iam:GetRole", "Resource": ["arn:aws:iam::123456789012:role/task-role", "arn:aws:iam::123456789012:role/exec-role"]}\n  ]\n}',
    );
  });

  test("PassRole alone: the service from the policy's other actions (ecs -> ecs-tasks.amazonaws.com)", () => {
    const before =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*"}]}';
    assert.equal(
      applyFix(before, 'passrole-star', /iam:PassedToService/),
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }}, {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*"}]}',
    );
  });

  test('an unknown service is a placeholder that one diagnostic asks to fill in', () => {
    const after = applyFix(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}',
      'passrole-star',
      /iam:PassedToService/,
    );
    assert.deepEqual(
      serious(after).filter((m) => /placeholder/.test(m)),
      ['condition-value-format: "<ServicePrincipal>" still has the placeholder <ServicePrincipal>: fill in the real value.'],
    );
  });

  test('"Only List + Read" on an object ARN offers only object actions: no resource-type mismatch after it', () => {
    const before =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:*",\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}';
    const after = applyFix(before, 'service-wildcard', /Only List \+ Read actions of s3/);
    const actions = [
      's3:GetObject',
      's3:GetObjectAcl',
      's3:GetObjectAnnotation',
      's3:GetObjectAttributes',
      's3:GetObjectLegalHold',
      's3:GetObjectRetention',
      's3:GetObjectTagging',
      's3:GetObjectTorrent',
      's3:GetObjectVersion',
      's3:GetObjectVersionAcl',
      's3:GetObjectVersionAnnotation',
      's3:GetObjectVersionAnnotationForReplication',
      's3:GetObjectVersionAttributes',
      's3:GetObjectVersionForReplication',
      's3:GetObjectVersionTagging',
      's3:GetObjectVersionTorrent',
      's3:ListMultipartUploadParts',
      's3:ListObjectAnnotations',
      's3:ListObjectVersionAnnotations',
    ];
    assert.equal(
      after,
      `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n${actions.map((a) => `        "${a}"`).join(',\n')}\n      ],\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}`,
    );
    assert.deepEqual(serious(after), []);
    assert.deepEqual(
      lint(after).diagnostics.filter((d) => d.code === 'resource-type-mismatch'),
      [],
    );
  });

  test('service-principal-without-source: the account from the file, else a placeholder', () => {
    const before =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:*:q"}]}';
    assert.equal(
      applyFix(before, 'service-principal-without-source', /aws:SourceAccount/),
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:*:q", "Condition": { "StringEquals": { "aws:SourceAccount": "<AccountId>" } }}]}',
    );
  });
});

suite('add-condition fixes never rewrite a key the statement tests (issue 17)', () => {
  test('forallvalues-with-allow: a Null test of the key already there is not flipped to "false"', () => {
    const before =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}, "Null": {"aws:TagKeys": "true"}}}]}';
    assert.deepEqual(
      titles(before, 'forallvalues-with-allow').filter((x) => /Null/.test(x)),
      [],
    );
  });
});

suite('IAM does not trim: "ec2:* " matches nothing (issue 17)', () => {
  test('one finding about the whitespace, no broad-access finding', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:* ", "Resource": "*"}, {"Effect": "Deny", "Action": ["* ", " s3:GetObject"], "Resource": "*"}]}';
    assert.deepEqual(serious(text), [
      'whitespace-in-value: "ec2:* " has trailing whitespace: IAM compares it character by character, so it matches nothing.',
      'whitespace-in-value: "* " has trailing whitespace: IAM compares it character by character, so it matches nothing.',
      'whitespace-in-value: " s3:GetObject" has leading whitespace: IAM compares it character by character, so it matches nothing.',
    ]);
  });
});
