/**
 * Our promises about quick-fixes, checked with the evaluation engine over every corpus policy:
 * narrowing fixes never allow a request the original denied, and `mergeable-statements` /
 * `redundant-action` fixes do not change access at all. Widenings found today are listed in
 * KNOWN_WIDENINGS (precisely: case, rule, fix and a request) so that a new one fails and a fixed one
 * is noticed; they are reported to the code-action stream, not fixed here.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkNeverWiden } from '../../server/src/analysis/evaluate';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile } from '../../server/src/policy/policyFile';
import type { PolicyType } from '../../server/src/policy/model';
import { getDiagnostics, type DiagnosticData } from '../../server/src/features/diagnostics/diagnostics';
import { EditSession } from '../../server/src/features/codeActions/context';
import { quickFixes } from '../../server/src/features/codeActions/fixes';
import { applyOffsetEdits, unsnippet } from '../../server/src/edits/textEdits';
import { parsePolicy } from '../../server/src/policy/parsePolicy';
import { parseJson } from '../../server/src/syntax/parseJson';
import { ALL_RULES } from '../../server/src/rules';

const catalog = loadCatalog();
const casesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'cases');
const NOW = new Date('2026-11-22T00:00:00Z');

/** Rules whose fixes narrow access, and rules whose fixes must not change it in either direction (their meta.fixAccess). */
const NARROWING = new Set(ALL_RULES.filter((r) => r.meta.fixAccess === 'narrows').map((r) => r.id));
const EQUIVALENT = new Set(ALL_RULES.filter((r) => r.meta.fixAccess === 'keeps').map((r) => r.id));

/** Widenings the check finds today: `case | rule | fix title`. */
const KNOWN_WIDENINGS = new Set<string>([]);

interface Case {
  id: string;
  policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY';
  validatePolicyResourceType?: string;
  policy: unknown;
  policyText?: string;
}

const typeOf = (c: Case): PolicyType =>
  c.policyType === 'IDENTITY_POLICY'
    ? 'identity'
    : c.validatePolicyResourceType === 'AWS::IAM::AssumeRolePolicyDocument'
      ? 'trust'
      : 'resource';

interface Checked {
  id: string;
  rule: string;
  title: string;
  widened: string[];
  changed: string[];
}

function checkCase(c: Case): Checked[] {
  const text = c.policyText ?? JSON.stringify(c.policy, null, 2);
  const type = typeOf(c);
  const explicitType = { type, source: 'setting' as const };
  const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true, explicitType });
  const before = file.policies[0]?.policy;
  if (!before || parseJson(text).errors.length > 0) {
    return []; // malformed corpus cases: what they mean to AWS is not defined
  }
  const document = TextDocument.create('file:///corpus/policy.json', 'json', 1, text);
  const session = new EditSession({ catalog, document, file });
  const out: Checked[] = [];
  for (const d of getDiagnostics(file, catalog, document, { now: NOW })) {
    const rule = (d.data as DiagnosticData | undefined)?.ruleId ?? '';
    if (!NARROWING.has(rule) && !EQUIVALENT.has(rule)) {
      continue;
    }
    for (const p of quickFixes(session, d)) {
      if (!p.edits?.length) {
        continue;
      }
      const edited = applyOffsetEdits(
        text,
        p.edits.map((e) => ({ ...e, text: e.snippet ? unsnippet(e.text) : e.text, snippet: false })),
      );
      const after = parsePolicy(parseJson(edited), { policyType: explicitType });
      const report = checkNeverWiden(before, after, catalog);
      const show = (e: { action: string; resource: string; principal?: string; context?: Record<string, string[]> }) =>
        `${e.action} on ${e.resource}${e.principal ? ` by ${e.principal}` : ''}${e.context ? ` ${JSON.stringify(e.context)}` : ''}`;
      out.push({
        id: c.id,
        rule,
        title: p.title,
        widened: report.widened.map(show),
        changed: EQUIVALENT.has(rule) ? report.narrowed.map(show) : [],
      });
    }
  }
  return out;
}

/** The corpus has no redundant action: these policies exercise that fix (and more merges). */
const SYNTHETIC: Case[] = [
  {
    id: 'synthetic-redundant-in-service',
    policyType: 'IDENTITY_POLICY',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3:GetObject', 's3:Get*'], Resource: 'arn:aws:s3:::b/*' }],
    },
  },
  {
    id: 'synthetic-redundant-star',
    policyType: 'IDENTITY_POLICY',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: ['*', 'iam:PassRole'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ],
    },
  },
  {
    id: 'synthetic-mergeable-conditions',
    policyType: 'IDENTITY_POLICY',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } } },
        { Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } } },
        { Effect: 'Allow', Action: 'ec2:RebootInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } } },
      ],
    },
  },
];

const cases: Case[] = [
  ...fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as Case),
  ...SYNTHETIC,
];

suite('never-widen: quick-fixes over the corpus', () => {
  const results = cases.flatMap(checkCase);

  test('the corpus exercises narrowing and equivalence fixes', () => {
    const rules = new Set(results.map((r) => r.rule));
    assert.ok(results.length >= 20, `only ${results.length} fixes checked`);
    assert.ok(rules.has('mergeable-statements') && rules.has('redundant-action'), [...rules].join(', '));
  });

  test('narrowing fixes allow nothing the original denied', () => {
    const widenings = results.filter((r) => r.widened.length > 0).map((r) => `${r.id} | ${r.rule} | ${r.title}`);
    const unexpected = results.filter((r) => r.widened.length > 0 && !KNOWN_WIDENINGS.has(`${r.id} | ${r.rule} | ${r.title}`));
    assert.deepEqual(
      unexpected.map((r) => `${r.id} | ${r.rule} | ${r.title}: ${r.widened.slice(0, 3).join('; ')}`),
      [],
      'a fix widens access',
    );
    assert.deepEqual(
      [...KNOWN_WIDENINGS].filter((k) => !widenings.includes(k)),
      [],
      'a known widening is gone: remove it from KNOWN_WIDENINGS',
    );
  });

  test('mergeable-statements and redundant-action fixes change no access', () => {
    const changes = results.filter((r) => EQUIVALENT.has(r.rule) && (r.changed.length > 0 || r.widened.length > 0));
    assert.deepEqual(
      changes.map((r) => `${r.id} | ${r.rule} | ${r.title}: ${[...r.widened, ...r.changed].slice(0, 3).join('; ')}`),
      [],
    );
  });
});

test('never-widen catches a widening edit and a narrowing one', () => {
  const doc = (statement: object) =>
    parsePolicy(parseJson(JSON.stringify({ Version: '2012-10-17', Statement: [statement] })), {
      policyType: { type: 'identity', source: 'setting' },
    });
  const base = doc({
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  });
  const wider = checkNeverWiden(base, doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), catalog);
  assert.ok(wider.widened.length > 0);
  const narrower = checkNeverWiden(
    base,
    doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/public/*',
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    }),
    catalog,
  );
  assert.deepEqual(narrower.widened, []);
  assert.ok(narrower.narrowed.length > 0);
});
