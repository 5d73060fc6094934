/**
 * The code-action invariant over every corpus and example policy: every action offered (the
 * quick-fixes of every diagnostic, the refactors at every statement and list value, source.fixAll)
 * is applied the way VS Code applies it (snippet edits re-indented, tab stops at their defaults),
 * the result is linted again, and it must parse at least as well, raise no new finding of warning
 * or above (except the one "fill in the placeholder" finding a fix documents), never widen access
 * when the action narrows or restructures, and keep the layout (indent unit, line endings, key order).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { checkNeverWiden, type WideningReport } from '../../server/src/analysis/evaluate';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile, type PolicyFile } from '../../server/src/policy/policyFile';
import type { PolicyType } from '../../server/src/policy/model';
import { getDiagnostics, type DiagnosticData } from '../../server/src/features/diagnostics/diagnostics';
import { FIX_ALL_KIND, getCodeActions } from '../../server/src/features/codeActions/codeActions';
import { detectStyle } from '../../server/src/edits/textEdits';
import { ALL_RULES } from '../../server/src/rules';
import { applyAsVSCode } from '../lsp/vscodeEdits';

const catalog = loadCatalog();
const root = path.resolve(__dirname, '..', '..', '..');
const NOW = new Date('2026-11-22T00:00:00Z');
const URI = 'file:///corpus/policy.json';

/** Quick-fixes of these rules narrow access or rewrite it without change (their meta.fixAccess). */
const NARROWING = new Set(ALL_RULES.filter((r) => r.meta.fixAccess).map((r) => r.id));

/**
 * Fixes that correct a spelling (or stray whitespace) make text checkable that no rule could read before: a finding in
 * the same statement after them is revealed (the operator the user wrote for the misspelt key),
 * not created. They are counted apart.
 */
const REVEALING = new Set([
  'unknown-condition-key',
  'unknown-action',
  'unknown-service',
  'invalid-action-format',
  'unknown-condition-operator',
  // "ec2:* " matches nothing: trimmed, it means what the user wrote, and the rules read it
  'whitespace-in-value',
]);

/** Findings a fix may leave on purpose: a placeholder the user must fill in (one per value). */
const DOCUMENTED = new Set(['invalid-arn/placeholder', 'condition-value-format/placeholder']);

interface Input {
  id: string;
  text: string;
  type?: PolicyType;
}

interface CorpusCase {
  id: string;
  policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY';
  validatePolicyResourceType?: string;
  policy: unknown;
  policyText?: string;
}

function inputs(): Input[] {
  const casesDir = path.join(root, 'test', 'corpus', 'cases');
  const corpus = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as CorpusCase)
    .map((c) => ({
      id: c.id,
      text: c.policyText ?? JSON.stringify(c.policy, null, 2),
      type: (c.policyType === 'IDENTITY_POLICY'
        ? 'identity'
        : c.validatePolicyResourceType === 'AWS::IAM::AssumeRolePolicyDocument'
          ? 'trust'
          : 'resource') as PolicyType,
    }));
  const examples = fs
    .readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: `examples/${f}`, text: fs.readFileSync(path.join(root, 'examples', f), 'utf8') }));
  const fixtures = fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'embedded'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.tf.json'))
    .sort()
    .map((f) => ({ id: `fixtures/${f}`, text: fs.readFileSync(path.join(root, 'test', 'fixtures', 'embedded', f), 'utf8') }));
  return [...corpus, ...examples, ...fixtures];
}

function analyze(input: Input, text: string): { file: PolicyFile; document: TextDocument; diagnostics: Diagnostic[] } {
  const file = analyzeFile(text, {
    languageId: 'json',
    matchesPolicyGlob: true,
    ...(input.type ? { explicitType: { type: input.type, source: 'setting' as const } } : {}),
  });
  const document = TextDocument.create(URI, 'json', 1, text);
  return { file, document, diagnostics: getDiagnostics(file, catalog, document, { now: NOW }) };
}

const key = (d: Diagnostic) =>
  `${(d.data as DiagnosticData | undefined)?.ruleId ?? d.code}/${(d.data as DiagnosticData | undefined)?.messageId ?? ''}`;
const serious = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== undefined && d.severity <= 2);

/**
 * The serious findings of a version, by rule and message id, with their messages. A finding is new
 * when its rule and message id had none before, or when its message is new and the action did not
 * add statements (a split or a copied statement repeats the findings of what it copies).
 */
function findings(ds: Diagnostic[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of serious(ds)) {
    const set = out.get(key(d)) ?? new Set<string>();
    set.add(typeof d.message === 'string' ? d.message : d.message.value);
    out.set(key(d), set);
  }
  return out;
}

/** The keys of every statement object, in order. */
function statementKeyOrders(file: PolicyFile): string[][] {
  return file.policies.flatMap((p) => p.policy.statements.map((s) => s.elements.map((e) => e.name)));
}

function rootKeys(file: PolicyFile): string[] {
  return file.policies.flatMap((p) => p.policy.elements.map((e) => e.name));
}

/** Do the keys both lists hold come in the same order? */
function sameOrder(a0: string[], b0: string[]): boolean {
  const a = [...new Set(a0)];
  const b = [...new Set(b0)];
  const common = a.filter((k) => b.includes(k));
  const other = b.filter((k) => a.includes(k));
  return common.join('\u0000') === other.join('\u0000');
}

/** The never-widen report of each policy (undefined when the edit lost the policy), computed once per action. */
function wideningReports(before: PolicyFile, after: PolicyFile): (WideningReport | undefined)[] {
  return before.policies.map((p, i) => {
    const a = after.policies[i]?.policy;
    return a ? checkNeverWiden(p.policy, a, catalog, { narrowed: false }) : undefined;
  });
}

interface Applied {
  input: string;
  title: string;
  kind: string;
  problems: string[];
  widened: number;
  created: number;
}

function isNarrowing(action: CodeAction): boolean {
  if (action.kind?.startsWith(CodeActionKind.RefactorRewrite) || action.kind === FIX_ALL_KIND) {
    return true;
  }
  const rule = (action.diagnostics?.[0]?.data as DiagnosticData | undefined)?.ruleId;
  return !!rule && NARROWING.has(rule);
}

function offeredActions(input: Input, text: string): CodeAction[] {
  const { file, document, diagnostics } = analyze(input, text);
  const ctx = { catalog, document, file, snippetEdits: true };
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    out.push(...getCodeActions(ctx, d.range, [d], [CodeActionKind.QuickFix]));
  }
  const places = new Set<number>();
  for (const { policy } of file.policies) {
    for (const s of policy.statements) {
      places.add(s.node.offset);
      for (const e of s.elements) {
        for (const v of e.valueNode?.type === 'array' ? (e.valueNode.children ?? []) : e.valueNode ? [e.valueNode] : []) {
          places.add(v.offset);
        }
      }
    }
  }
  for (const offset of places) {
    const at = document.positionAt(offset);
    out.push(...getCodeActions(ctx, { start: at, end: at }, [], [CodeActionKind.RefactorRewrite]));
  }
  const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
  out.push(...getCodeActions(ctx, whole, diagnostics, [CodeActionKind.SourceFixAll], diagnostics));
  const seen = new Set<string>();
  return out.filter((a) => {
    const id = JSON.stringify([a.title, a.edit]);
    if (!a.edit || seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

let revealed = 0;

function check(input: Input): Applied[] {
  const before = analyze(input, input.text);
  const beforeErrors = before.file.tree.errors.length;
  const beforeFindings = findings(before.diagnostics);
  const beforeStyle = detectStyle(input.text);
  const beforeOrders = statementKeyOrders(before.file);
  const results: Applied[] = [];
  for (const action of offeredActions(input, input.text)) {
    const edited = applyAsVSCode(input.text, URI, action.edit);
    const after = analyze(input, edited);
    const problems: string[] = [];
    if (after.file.tree.errors.length > beforeErrors) {
      problems.push(`parse errors ${beforeErrors} -> ${after.file.tree.errors.length}`);
    }
    // a narrowing action that allows nothing new cannot create a risk: a security finding after it
    // restates access the policy already granted (s3:* narrowed to its reads names s3:GetObject)
    const reports =
      isNarrowing(action) && beforeErrors === 0 && after.file.tree.errors.length === 0
        ? wideningReports(before.file, after.file)
        : undefined;
    const restates = !!reports && reports.every((r) => r !== undefined && r.widened.length === 0);
    let created = 0;
    const copies = statementKeyOrders(after.file).length > beforeOrders.length;
    const fixed = action.diagnostics?.[0]?.data as DiagnosticData | undefined;
    const statementOf = (a: { file: PolicyFile; document: TextDocument }, d: Diagnostic) => {
      const offset = a.document.offsetAt(d.range.start);
      const all = a.file.policies.flatMap((p) => p.policy.statements);
      return all.findIndex((st) => offset >= st.node.offset && offset <= st.node.offset + st.node.length);
    };
    const fixedStatement = fixed && action.diagnostics?.[0] ? statementOf(before, action.diagnostics[0]) : -1;
    const revealedHere = (d: Diagnostic) =>
      !!fixed && REVEALING.has(fixed.ruleId) && fixedStatement >= 0 && statementOf(after, d) === fixedStatement;
    revealed += after.diagnostics.filter((d) => revealedHere(d) && !before.diagnostics.some((b) => b.message === d.message)).length;
    const judged = after.diagnostics.filter((d) => !(restates && (d.data as DiagnosticData).security) && !revealedHere(d));
    for (const [k, messages] of findings(judged)) {
      const had = beforeFindings.get(k);
      // after a split, a copy or a narrowing that allows nothing new, a finding of a kind the policy
      // had already restates it (its message names other actions); otherwise a new message is new
      const fresh = [...messages].filter((m) => !had || (!copies && !restates && !had.has(m)));
      if (fresh.length === 0 || DOCUMENTED.has(k)) {
        continue;
      }
      created += fresh.length;
      problems.push(`new ${k} ×${fresh.length}: ${fresh[0]}`);
    }
    let widened = 0;
    if (reports) {
      for (const report of reports) {
        if (report && report.widened.length > 0) {
          widened += report.widened.length;
          const w = report.widened[0];
          problems.push(`widens: ${w.action} on ${w.resource}${w.principal ? ` by ${w.principal}` : ''} (${report.widened.length})`);
        }
      }
    }
    const afterStyle = detectStyle(edited);
    if (afterStyle.eol !== beforeStyle.eol || (/\n[ \t]+\S/.test(input.text) && afterStyle.unit !== beforeStyle.unit)) {
      problems.push(`layout: indent ${JSON.stringify(beforeStyle.unit)} -> ${JSON.stringify(afterStyle.unit)}, eol changed`);
    }
    if (/\r\n/.test(input.text) && /[^\r]\n/.test(edited)) {
      problems.push('layout: a bare \\n in a CRLF file');
    }
    if (!sameOrder(rootKeys(before.file), rootKeys(after.file))) {
      problems.push(`key order of the policy: ${rootKeys(after.file).join(',')}`);
    }
    for (const order of statementKeyOrders(after.file)) {
      if (beforeOrders.length > 0 && !beforeOrders.some((b) => sameOrder(b, order))) {
        problems.push(`key order of a statement: ${order.join(',')}`);
      }
    }
    results.push({ input: input.id, title: action.title, kind: action.kind ?? '', problems, widened, created });
  }
  return results;
}

suite('code-action invariant over the corpus, examples and fixtures', () => {
  const all = inputs().flatMap(check);

  test('every offered action keeps the policy at least as good', () => {
    const applied = all.length;
    const created = all.reduce((n, r) => n + r.created, 0);
    const widenings = all.reduce((n, r) => n + r.widened, 0);
    console.log(
      `code-action invariant: ${applied} actions applied, ${created} findings created, ${widenings} widenings (${revealed} findings revealed by spelling fixes)`,
    );
    assert.ok(applied >= 500, `only ${applied} actions applied`);
    const bad = all.filter((r) => r.problems.length > 0).map((r) => `${r.input} | ${r.kind} | ${r.title}: ${r.problems.join('; ')}`);
    assert.deepEqual(bad, []);
    assert.equal(created, 0);
    assert.equal(widenings, 0);
  });
});
