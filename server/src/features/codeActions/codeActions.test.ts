import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { analyzeFile } from '../../policy/policyFile';
import { testCatalog } from '../../testing/fixtures';
import { getDiagnostics } from '../diagnostics/diagnostics';
import { expandStatementActions } from '../../analysis/expandActions';
import { FIX_ALL_KIND, getCodeActions } from './codeActions';
import { unsnippet } from '../../edits/textEdits';

const NOW = new Date('2026-11-22T00:00:00Z');

interface Setup {
  languageId?: 'json' | 'jsonc';
  snippets?: boolean;
}

function analyze(text: string, languageId = 'json') {
  const document = TextDocument.create('file:///t/policy.json', languageId, 1, text);
  const file = analyzeFile(text, { languageId, matchesPolicyGlob: true });
  const diagnostics = getDiagnostics(file, testCatalog(), document, { now: NOW });
  return { document, file, diagnostics };
}

function actions(
  text: string,
  at: { rule?: string; offset?: number; only?: string[] },
  setup: Setup = {},
): { actions: CodeAction[]; diagnostics: Diagnostic[] } {
  const { document, file, diagnostics } = analyze(text, setup.languageId);
  let range: Range;
  let selected: Diagnostic[] = [];
  if (at.rule) {
    selected = diagnostics.filter((d) => d.code === at.rule);
    assert.ok(selected.length > 0, `no ${at.rule} diagnostic; got ${diagnostics.map((d) => d.code).join(', ')}`);
    range = selected[0].range;
    selected = [selected[0]];
  } else {
    const p = document.positionAt(at.offset ?? 0);
    range = { start: p, end: p };
  }
  const result = getCodeActions(
    {
      catalog: testCatalog(),
      document,
      file,
      snippetEdits: !!setup.snippets,
      ...(setup.languageId === 'jsonc' ? { commentPrefix: '//' } : {}),
    },
    range,
    selected,
    at.only,
    diagnostics,
  );
  return { actions: result, diagnostics };
}

/** Applies a code action's edit (plain or snippet) and returns the new text. */
function apply(text: string, action: CodeAction): string {
  assert.ok(action.edit, `${action.title} has no edit`);
  const doc = TextDocument.create('file:///t/policy.json', 'json', 1, text);
  let edits: TextEdit[];
  if (action.edit.changes) {
    edits = Object.values(action.edit.changes)[0];
  } else {
    const change = action.edit.documentChanges![0] as TextDocumentEdit;
    edits = change.edits.map((e) =>
      'snippet' in e ? { range: e.range, newText: unsnippet((e as SnippetTextEdit).snippet.value) } : (e as TextEdit),
    );
  }
  return TextDocument.applyEdits(doc, edits);
}

function pick(list: CodeAction[], title: RegExp): CodeAction {
  const found = list.find((a) => title.test(a.title));
  assert.ok(found, `no action ${title}; got:\n${list.map((a) => a.title).join('\n')}`);
  return found;
}

/** Applies the fix, checks the JSON and that applying again is not possible. */
function fix(text: string, rule: string, title: RegExp, setup: Setup = {}): string {
  const { actions: list } = actions(text, { rule }, setup);
  const after = apply(text, pick(list, title));
  if ((setup.languageId ?? 'json') === 'json') {
    assert.doesNotThrow(() => JSON.parse(after), `invalid JSON after ${title}:\n${after}`);
  }
  // idempotent: the same fix is not offered again for the same rule
  const again = analyze(after, setup.languageId).diagnostics.filter((d) => d.code === rule);
  for (const d of again) {
    const { actions: next } = actions(after, { rule }, setup);
    assert.ok(
      !next.some((a) => title.test(a.title) && JSON.stringify(a.edit) === JSON.stringify(pick(list, title).edit)),
      `offered again after applying: ${d.message}`,
    );
  }
  return after;
}

function granted(text: string): Set<string> {
  const { file } = analyze(text);
  const out = new Set<string>();
  for (const s of file.policies[0].policy.statements) {
    if (s.effect?.value === 'Allow') {
      expandStatementActions(s, testCatalog()).actions.forEach((a) => out.add(a.fullName));
    }
  }
  return out;
}

const policy = (statements: string, indent = '  ') =>
  `{\n${indent}"Version": "2012-10-17",\n${indent}"Statement": [\n${statements
    .split('\n')
    .map((l) => indent + indent + l)
    .join('\n')}\n${indent}]\n}`;

suite('quick-fixes: narrowing never widens', () => {
  test('service wildcard -> only List + Read, only Read, only Write, used elsewhere', () => {
    const text = policy(
      '{\n  "Effect": "Allow",\n  "Action": "s3:*",\n  "Resource": "*"\n},\n{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:PutObject"],\n  "Resource": "arn:aws:s3:::b/*"\n}',
    );
    const { actions: list } = actions(text, { rule: 'service-wildcard' });
    const titles = list.map((a) => a.title);
    for (const t of [
      /Only List \+ Read actions of s3 \(\d+ actions\)/,
      /Only Read actions of s3/,
      /Only Write actions of s3/,
      /used elsewhere in this file \(2 actions\)/,
    ]) {
      assert.ok(
        titles.some((x) => t.test(x)),
        `${t} in ${titles.join(' | ')}`,
      );
    }
    const before = granted(text);
    for (const a of list.filter((x) => x.title.startsWith('Replace'))) {
      const after = apply(text, a);
      JSON.parse(after);
      const afterSet = granted(after);
      for (const x of afterSet) {
        assert.ok(before.has(x), `${a.title} widened access with ${x}`);
      }
      assert.ok(afterSet.size < before.size, `${a.title} did not narrow`);
    }
    const usedElsewhere = apply(text, pick(list, /used elsewhere/));
    assert.equal(
      usedElsewhere,
      policy(
        '{\n  "Effect": "Allow",\n  "Action": [\n    "s3:GetObject",\n    "s3:PutObject"\n  ],\n  "Resource": "*"\n},\n{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:PutObject"],\n  "Resource": "arn:aws:s3:::b/*"\n}',
      ),
    );
  });

  test('"*" in a full-admin statement -> the actions used elsewhere', () => {
    const text = policy(
      '{"Effect": "Allow", "Action": "*", "Resource": "*"},\n{"Effect": "Allow", "Action": ["ec2:StartInstances"], "Resource": "*"}',
    );
    const after = fix(text, 'full-admin', /Only the actions used elsewhere/);
    // a single string stays a single string when one action replaces it
    assert.equal(
      after,
      policy(
        '{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*"},\n{"Effect": "Allow", "Action": ["ec2:StartInstances"], "Resource": "*"}',
      ),
    );
  });

  test('a wildcard inside an array is replaced in place, keeping the array layout', () => {
    const text = policy(
      '{\n  "Effect": "Allow",\n  "Action": [\n    "ec2:DescribeInstances",\n    "s3:*"\n  ],\n  "Resource": "*"\n},\n{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}',
    );
    const after = fix(text, 'service-wildcard', /used elsewhere/);
    assert.equal(
      after,
      policy(
        '{\n  "Effect": "Allow",\n  "Action": [\n    "ec2:DescribeInstances",\n    "s3:ListBucket"\n  ],\n  "Resource": "*"\n},\n{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}',
      ),
    );
  });
});

suite('quick-fixes: resources, PassRole, conditions', () => {
  test('"*" -> ARN templates of the actions, plain text without snippet support', () => {
    const text = policy('{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}');
    const after = fix(text, 'resource-star', /Replace "\*" with the ARNs/);
    // nothing in the file names a bucket: placeholders that invalid-arn asks to fill in
    assert.equal(after, policy('{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::<BucketName>/<ObjectName>"}'));
  });

  test('with snippet support the ARN has tab stops', () => {
    const text = policy('{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}');
    const { actions: list } = actions(text, { rule: 'resource-star' }, { snippets: true });
    const edit = (pick(list, /Replace "\*"/).edit!.documentChanges![0] as TextDocumentEdit).edits[0] as SnippetTextEdit;
    assert.equal(edit.snippet.value, '"arn:aws:s3:::${1:<BucketName>}/${2:<ObjectName>}"');
  });

  test('split a statement by resource type: bucket and object', () => {
    const text = policy('{\n  "Effect": "Allow",\n  "Action": ["s3:ListBucket", "s3:GetObject"],\n  "Resource": "arn:aws:s3:::b/*"\n}');
    const after = fix(text, 'resource-type-mismatch', /Split into 2 statements/);
    // the bucket comes from the object ARN; GetObject keeps the user's ARN
    assert.equal(
      after,
      policy(
        '{\n  "Effect": "Allow",\n  "Action": "s3:ListBucket",\n  "Resource": "arn:aws:s3:::b"\n},\n{\n  "Effect": "Allow",\n  "Action": "s3:GetObject",\n  "Resource": "arn:aws:s3:::b/*"\n}',
      ),
    );
  });

  test('PassRole alone: add iam:PassedToService (a placeholder when the file does not say the service)', () => {
    const text = policy('{\n  "Effect": "Allow",\n  "Action": "iam:PassRole",\n  "Resource": "*"\n}');
    const after = fix(text, 'passrole-star', /Add an iam:PassedToService condition/);
    assert.equal(
      after,
      policy(
        '{\n  "Effect": "Allow",\n  "Action": "iam:PassRole",\n  "Resource": "*",\n  "Condition": {\n    "StringEquals": {\n      "iam:PassedToService": "<ServicePrincipal>"\n    }\n  }\n}',
      ),
    );
  });

  test('PassRole among other actions: move it into its own limited statement', () => {
    const text = policy('{\n  "Effect": "Allow",\n  "Action": ["ec2:RunInstances", "iam:PassRole"],\n  "Resource": "*"\n}');
    const after = fix(text, 'passrole-star', /Move iam:PassRole/);
    // ec2:RunInstances passes the role to EC2; no account or role in the file: placeholders
    assert.equal(
      after,
      policy(
        '{\n  "Effect": "Allow",\n  "Action": ["ec2:RunInstances"],\n  "Resource": "*"\n},\n{\n  "Effect": "Allow",\n  "Action": "iam:PassRole",\n  "Resource": "arn:aws:iam::<Account>:role/<RoleNameWithPath>",\n  "Condition": {\n    "StringEquals": {\n      "iam:PassedToService": "ec2.amazonaws.com"\n    }\n  }\n}',
      ),
    );
  });

  test('ForAllValues in Allow: add the Null check into the existing Condition', () => {
    const text = policy(
      '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}}',
    );
    const after = fix(text, 'forallvalues-with-allow', /Null: false/);
    assert.equal(
      after,
      policy(
        '{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}, "Null": { "aws:TagKeys": "false" }}}',
      ),
    );
  });

  test('a bad MFA pattern switches the operator', () => {
    const text = policy(
      '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}',
    );
    assert.equal(
      fix(text, 'bad-mfa-pattern', /Change to "BoolIfExists"/),
      policy('{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}'),
    );
  });
});

suite('quick-fixes: typos and grammar, keeping the file style', () => {
  test('did-you-mean for an action', () => {
    const text = policy('{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}');
    assert.equal(
      fix(text, 'unknown-action', /Change to "s3:GetObject"/),
      policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'),
    );
  });

  test('did-you-mean for an element name and an operator', () => {
    assert.equal(
      fix(policy('{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}'), 'unknown-element', /Change to "Action"/),
      policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'),
    );
    const op = policy('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEqual": {"s3:prefix": "a"}}}');
    assert.equal(fix(op, 'unknown-condition-operator', /Change to "StringEquals"/), op.replace('StringEqual"', 'StringEquals"'));
  });

  test('missing Version is added first, with tabs and CRLF kept', () => {
    const text = '{\r\n\t"Statement": [\r\n\t\t{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\r\n\t]\r\n}';
    assert.equal(
      fix(text, 'missing-version', /Add "Version"/),
      '{\r\n\t"Version": "2012-10-17",\r\n\t"Statement": [\r\n\t\t{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\r\n\t]\r\n}',
    );
  });

  test('a one-line policy stays on one line', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    assert.equal(
      fix(text, 'missing-version', /Add "Version"/),
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    );
  });

  test('trailing commas, the BOM and redundant actions are removed; comments elsewhere stay', () => {
    assert.equal(
      fix(policy('{"Effect": "Allow", "Action": ["s3:GetObject",], "Resource": "*"}'), 'trailing-comma', /Remove the trailing comma/),
      policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}'),
    );
    assert.equal(
      fix(`\uFEFF${policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}')}`, 'bom', /byte-order mark/),
      policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'),
    );
    const jsonc = `// keep me\n${policy('{"Effect": "Allow", "Action": ["s3:Get*", /* x */ "s3:GetObject"], "Resource": "*"}')}`;
    assert.equal(
      fix(jsonc, 'redundant-action', /Remove "s3:GetObject"/, { languageId: 'jsonc' }),
      `// keep me\n${policy('{"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}')}`,
    );
  });

  test('mergeable statements are merged', () => {
    const text = policy(
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},\n{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}',
    );
    const after = fix(text, 'mergeable-statements', /Merge into statement 1/);
    assert.equal(after, policy('{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}'));
    assert.deepEqual([...granted(after)].sort(), [...granted(text)].sort());
  });
});

suite('every diagnostic: disable and documentation', () => {
  test('JSONC gets a suppression comment; a second rule joins it', () => {
    const text = policy('{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}');
    const first = fix(text, 'service-wildcard', /Disable service-wildcard for this file/, { languageId: 'jsonc' });
    assert.equal(first, `// iam-policy-disable service-wildcard\n${text}`);
    const second = apply(
      first,
      pick(
        actions(first, { rule: 'permissions-management' }, { languageId: 'jsonc' }).actions,
        /Disable permissions-management for this file/,
      ),
    );
    assert.equal(second, `// iam-policy-disable service-wildcard, permissions-management\n${text}`);
  });

  test('strict JSON uses a command (the editor adds the file to iamPolicy.ignore)', () => {
    const { actions: list } = actions(policy('{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}'), { rule: 'service-wildcard' });
    const disable = pick(list, /Disable service-wildcard/);
    assert.equal(disable.command?.command, 'iamPolicy.disableRuleForFile');
    assert.deepEqual(disable.command?.arguments, ['file:///t/policy.json', 'service-wildcard']);
    assert.equal(pick(list, /Open documentation for service-wildcard/).command?.command, 'iamPolicy.openRuleDocumentation');
  });
});

suite('refactors at the cursor', () => {
  test('expand a wildcard and collapse it back', () => {
    const text = policy('{"Effect": "Allow", "Action": ["s3:GetObjectVersion*"], "Resource": "*"}');
    const offset = text.indexOf('s3:GetObjectVersion*') + 2;
    const expanded = apply(
      text,
      pick(actions(text, { offset, only: ['refactor'] }).actions, /Expand "s3:GetObjectVersion\*" into its \d+ actions/),
    );
    const list = (JSON.parse(expanded) as { Statement: { Action: string[] }[] }).Statement[0].Action;
    assert.deepEqual(
      list,
      testCatalog()
        .matchActions('s3:GetObjectVersion*')
        .map((a) => a.fullName),
    );
    const inList = expanded.indexOf('s3:GetObjectVersion');
    const collapsed = apply(expanded, pick(actions(expanded, { offset: inList, only: ['refactor'] }).actions, /Collapse/));
    assert.deepEqual(granted(collapsed), granted(expanded));
  });

  test('convert a string to an array; split by service', () => {
    const text = policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}');
    const asArray = apply(
      text,
      pick(actions(text, { offset: text.indexOf('s3:GetObject'), only: ['refactor'] }).actions, /Convert "Action" to an array/),
    );
    assert.equal(asArray, policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}'));
    const mixed = policy('{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "ec2:StartInstances"],\n  "Resource": "*"\n}');
    const split = apply(
      mixed,
      pick(actions(mixed, { offset: mixed.indexOf('Effect'), only: ['refactor'] }).actions, /Split this statement by service/),
    );
    assert.deepEqual(
      (JSON.parse(split) as { Statement: { Action: string }[] }).Statement.map((s) => s.Action),
      ['s3:GetObject', 'ec2:StartInstances'],
    );
  });

  test('add conditions: MFA merges into an existing Bool; the IP limit is a Deny beside the Allow', () => {
    const text = policy(
      '{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*",\n  "Condition": {\n    "Bool": {\n      "aws:SecureTransport": "true"\n    }\n  }\n}',
    );
    const at = { offset: text.indexOf('Effect'), only: ['refactor'] };
    const mfa = apply(text, pick(actions(text, at).actions, /require MFA/));
    assert.equal(
      mfa,
      text.replace('"aws:SecureTransport": "true"', '"aws:SecureTransport": "true",\n          "aws:MultiFactorAuthPresent": "true"'),
    );
    const ip = apply(text, pick(actions(text, at).actions, /source IP ranges/));
    const statements = (JSON.parse(ip) as { Statement: Record<string, unknown>[] }).Statement;
    assert.deepEqual(statements[1], {
      Effect: 'Deny',
      Action: 'ec2:StopInstances',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] }, Bool: { 'aws:ViaAWSService': 'false' } },
    });
  });
});

suite('fix all', () => {
  test('applies every safe fix in one edit, and only those', () => {
    const text = policy(
      '{"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject",], "Resource": "arn:aws:s3:::b/*"},\n{"Effect": "Allow", "Action": "s3:PutObject", "Resource": ["arn:aws:s3:::b/*"]},\n{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*", "Condition": {}}',
    );
    const { actions: list } = actions(text, { only: [FIX_ALL_KIND], offset: 0 });
    const all = pick(list, /Fix all safe/);
    const after = apply(text, all);
    JSON.parse(after);
    assert.ok(!after.includes('"s3:GetObject",]'));
    assert.ok(after.includes('s3:GetObjcet'), 'a typo fix changes access: not applied');
    assert.ok(!after.includes('"Condition": {}'));
    assert.deepEqual(granted(after), granted(text));
  });
});

suite('code actions that must not corrupt the document or widen access (issue 17)', () => {
  const oneStatement = (s: string) => `{\n  "Version": "2012-10-17",\n  "Statement": ${s}\n}`;
  /** every action at the offset (fixes of the diagnostics there, and refactors) */
  function allAt(text: string, offset: number, setup: Setup = {}): CodeAction[] {
    const { document, file, diagnostics } = analyze(text);
    const p = document.positionAt(offset);
    const here = diagnostics.filter((d) => document.offsetAt(d.range.start) <= offset && offset <= document.offsetAt(d.range.end));
    return getCodeActions(
      { catalog: testCatalog(), document, file, snippetEdits: !!setup.snippets },
      { start: p, end: p },
      here,
      undefined,
      diagnostics,
    );
  }
  const editsOf = (a: CodeAction) =>
    a.edit?.changes ? Object.values(a.edit.changes)[0] : (a.edit!.documentChanges![0] as TextDocumentEdit).edits;

  test('MFA: an existing "aws:MultiFactorAuthPresent": "false" is kept (the refactor is not offered)', () => {
    const text = policy(
      '{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*",\n  "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}\n}',
    );
    const titles = allAt(text, text.indexOf('Effect')).map((a) => a.title);
    assert.ok(!titles.some((x) => /require MFA/.test(x)), titles.join('\n'));
    // the same key under another operator is the user's choice too
    const ifExists = text.replace('"Bool"', '"BoolIfExists"');
    assert.ok(!allAt(ifExists, ifExists.indexOf('Effect')).some((a) => /require MFA/.test(a.title)));
    // the other conditions are still offered, and keep the MFA condition as it was
    const regions = apply(text, pick(allAt(text, text.indexOf('Effect')), /limit to Regions/));
    assert.equal(
      regions,
      text.replace(
        '{"Bool": {"aws:MultiFactorAuthPresent": "false"}}',
        '{"Bool": {"aws:MultiFactorAuthPresent": "false"}, "StringEquals": { "aws:RequestedRegion": ["eu-west-1"] }}',
      ),
    );
  });

  test('"ec2:* " (a trailing space, matches nothing in IAM) gets no narrowing and no expansion', () => {
    const text = policy('{"Effect": "Allow", "Action": "ec2:* ", "Resource": "*"}');
    const titles = allAt(text, text.indexOf('ec2:*')).map((a) => a.title);
    assert.ok(!titles.some((x) => /^Replace "ec2:\*|Only|^Expand/.test(x)), titles.join('\n'));
    // nor a quick-fix of broad-wildcard on "ec2:Describe* "
    const describe = policy('{"Effect": "Allow", "Action": "ec2:Describe* ", "Resource": "*"}');
    const fixes = allAt(describe, describe.indexOf('ec2:Describe')).map((a) => a.title);
    assert.ok(!fixes.some((x) => /^Replace "ec2:Describe|Only|^Expand/.test(x)), fixes.join('\n'));
    // the same without the space is narrowed as before
    const plain = policy('{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}');
    assert.ok(allAt(plain, plain.indexOf('ec2:*')).some((a) => /Only Read actions of ec2/.test(a.title)));
  });

  test('narrowing to actions the list already holds removes the wildcard with its comma', () => {
    const text = policy('{"Effect": "Allow", "Action": ["ec2:Describe*", "ec2:DescribeInstances"], "Resource": "*"}');
    const action = pick(allAt(text, text.indexOf('Describe*')), /Only the actions of ec2 used elsewhere in this file/);
    assert.equal(apply(text, action), policy('{"Effect": "Allow", "Action": ["ec2:DescribeInstances"], "Resource": "*"}'));
    const multiline = policy(
      '{\n  "Effect": "Allow",\n  "Action": [\n    "ec2:DescribeInstances",\n    "ec2:Describe*"\n  ],\n  "Resource": "*"\n}',
    );
    const last = pick(allAt(multiline, multiline.indexOf('Describe*')), /Only the actions of ec2 used elsewhere in this file/);
    assert.equal(
      apply(multiline, last),
      policy('{\n  "Effect": "Allow",\n  "Action": [\n    "ec2:DescribeInstances"\n  ],\n  "Resource": "*"\n}'),
    );
  });

  test('a truncated statement gets no refactor that adds syntax errors', () => {
    const errors = (t: string) => analyzeFile(t, { languageId: 'json', matchesPolicyGlob: true }).tree.errors.length;
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "ec2:StartInstances"], "Resource": "*"';
    const before = errors(text);
    for (const action of allAt(text, text.indexOf('Effect'))) {
      if (action.edit) {
        assert.ok(errors(apply(text, action)) <= before, `${action.title}: ${apply(text, action)}`);
      }
    }
    assert.ok(!allAt(text, text.indexOf('Effect')).some((a) => /Add condition|Split this statement/.test(a.title)));
  });

  test('split by service with "Statement" as an object: one edit, the whole text', () => {
    const text = oneStatement('{\n    "Effect": "Allow",\n    "Action": ["s3:GetObject", "ec2:StartInstances"],\n    "Resource": "*"\n  }');
    const split = pick(allAt(text, text.indexOf('Effect')), /Split this statement by service/);
    assert.equal(editsOf(split).length, 1);
    assert.equal(
      apply(text, split),
      oneStatement(
        '[\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "ec2:StartInstances",\n      "Resource": "*"\n    }\n  ]',
      ),
    );
  });

  test('resource tag condition: a real key without snippet support, a tab stop in the key with it', () => {
    const text = policy('{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*"\n}');
    const plain = pick(allAt(text, text.indexOf('Effect')), /limit by resource tag/);
    const expected = policy(
      '{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*",\n  "Condition": {\n    "StringEquals": {\n      "aws:ResourceTag/Project": "value"\n    }\n  }\n}',
    );
    assert.equal(apply(text, plain), expected);
    assert.ok(!JSON.stringify(plain.edit).includes('${'), JSON.stringify(plain.edit));
    const snippet = pick(allAt(text, text.indexOf('Effect'), { snippets: true }), /limit by resource tag/);
    const edit = editsOf(snippet)[0] as SnippetTextEdit;
    assert.ok(edit.snippet.value.includes('"aws:ResourceTag/${1:Project}": "${2:value}"'), edit.snippet.value);
    // VS Code indents every line after the first like the line the edit starts on
    const doc = TextDocument.create('file:///t/policy.json', 'json', 1, text);
    const indent = /^[ \t]*/.exec(doc.getText({ start: { line: edit.range.start.line, character: 0 }, end: edit.range.start }))![0];
    const typed = unsnippet(edit.snippet.value).replace(/\n/g, `\n${indent}`);
    assert.equal(TextDocument.applyEdits(doc, [{ range: edit.range, newText: typed }]), expected);
    // merged into an existing StringEquals, too
    const withClause = policy(
      '{\n  "Effect": "Allow",\n  "Action": "ec2:StopInstances",\n  "Resource": "*",\n  "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}\n}',
    );
    assert.equal(
      apply(withClause, pick(allAt(withClause, withClause.indexOf('Effect')), /limit by resource tag/)),
      withClause.replace('"eu-west-1"}', '"eu-west-1", "aws:ResourceTag/Project": "value"}'),
    );
  });
});
