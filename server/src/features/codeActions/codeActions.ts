/**
 * Code actions: quick-fixes for our diagnostics (from Diagnostic.data), "disable this rule for
 * this file" and "open its documentation" for every one, refactors at the cursor, and a
 * source.fixAll action that applies every fix that does not change access.
 */
import { t } from '../../i18n';
import { CodeActionKind, Command, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../diagnostics/diagnostics';
import { parseSuppressions } from '../diagnostics/suppressions';
import { EditSession, FIX_ALL_KIND, toCodeAction, type CodeActionContext, type Proposal } from './context';
import { quickFixes } from './fixes';
import { refactors } from './refactors';
import { parseJson } from '../../syntax/parseJson';
import { applyOffsetEdits, unsnippet, type OffsetEdit } from '../../edits/textEdits';

const SYNTAX_RULES = new Set(['trailing-comma', 'bom', 'comments-in-strict-json']);

function syntaxFirst(d: Diagnostic): number {
  return SYNTAX_RULES.has((d.data as DiagnosticData).ruleId) ? 0 : 1;
}

export { FIX_ALL_KIND, type CodeActionContext } from './context';

export const DISABLE_RULE_COMMAND = 'iamPolicy.disableRuleForFile';
export const OPEN_RULE_DOCS_COMMAND = 'iamPolicy.openRuleDocumentation';

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function ourDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (d.data as DiagnosticData | undefined)?.ruleId);
}

/** Can the client run this command (undefined: the caller did not say, assume it can)? */
function clientHas(session: EditSession, command: string): boolean {
  return !session.ctx.clientCommands || session.ctx.clientCommands.has(command);
}

/**
 * "Disable this rule" actions, saying where they write. In JSONC the inline comment for the line
 * comes first (it keeps the suppression next to what it excuses), then the file-level comment;
 * YAML and HCL get the file-level comment only (a line comment could land inside an embedded JSON
 * string); strict JSON gets the command that adds the file to iamPolicy.ignore in the workspace
 * settings, when the client has it.
 */
function disableProposals(session: EditSession, diagnostic: Diagnostic, ruleId: string): Proposal[] {
  const prefix = session.ctx.commentPrefix;
  if (!prefix) {
    const title = t('fix.disableRuleSettings', { ruleId });
    return clientHas(session, DISABLE_RULE_COMMAND)
      ? [
          {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostic,
            command: Command.create(title, DISABLE_RULE_COMMAND, session.ctx.document.uri, ruleId),
          },
        ]
      : [];
  }
  const out: Proposal[] = [];
  const text = session.text;
  const escaped = prefix.replace(/\//g, '\\/');
  if (session.ctx.document.languageId === 'jsonc') {
    const line = diagnostic.range.start.line;
    const lineStart = session.offsetAt({ line, character: 0 });
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const previous =
      line > 0
        ? session.ctx.document.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '')
        : '';
    const existing = new RegExp(`^[ \\t]*${escaped}[ \\t]*iam-policy-disable-next-line(?![\\w-])[ \\t]*[a-z0-9-]`).exec(previous);
    const edit: OffsetEdit = existing
      ? { offset: session.offsetAt({ line: line - 1, character: previous.replace(/\s+$/, '').length }), length: 0, text: `, ${ruleId}` }
      : { offset: lineStart, length: 0, text: `${indent}${prefix} iam-policy-disable-next-line ${ruleId}${session.style.eol}` };
    out.push({ title: t('fix.disableRuleLine', { ruleId }), kind: CodeActionKind.QuickFix, diagnostic, edits: [edit] });
  }
  const existing = new RegExp(`^[ \\t]*${escaped}[ \\t]*iam-policy-disable(?![\\w-])([^\\n]*)`, 'm').exec(text);
  const edit: OffsetEdit =
    existing && !parseSuppressions(existing[0]).file.has('*')
      ? { offset: existing.index + existing[0].replace(/\s+$/, '').length, length: 0, text: `, ${ruleId}` }
      : { offset: 0, length: 0, text: `${prefix} iam-policy-disable ${ruleId}${session.style.eol}` };
  out.push({ title: t('fix.disableRuleFile', { ruleId }), kind: CodeActionKind.QuickFix, diagnostic, edits: [edit] });
  return out;
}

function docsProposals(session: EditSession, diagnostic: Diagnostic, ruleId: string): Proposal[] {
  if (!clientHas(session, OPEN_RULE_DOCS_COMMAND)) {
    return [];
  }
  const title = t('fix.openDocs', { ruleId });
  return [
    {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostic,
      command: Command.create(title, OPEN_RULE_DOCS_COMMAND, ruleId, diagnostic.codeDescription?.href),
    },
  ];
}

/**
 * One diagnostic's fixes, preferred first. When the rule marks none as preferred, its first safe
 * fix (one that does not change access) is; a diagnostic never gets two preferred fixes.
 */
function orderedFixes(session: EditSession, diagnostic: Diagnostic): Proposal[] {
  const fixes = quickFixes(session, diagnostic);
  let preferred = fixes.filter((p) => p.isPreferred);
  if (preferred.length === 0) {
    const safe = fixes.find((p) => p.safe && p.edits);
    if (safe) {
      safe.isPreferred = true;
      preferred = [safe];
    }
  } else if (preferred.length > 1) {
    preferred.slice(1).forEach((p) => (p.isPreferred = false));
    preferred = preferred.slice(0, 1);
  }
  return [...preferred, ...fixes.filter((p) => !preferred.includes(p))];
}

/**
 * @param diagnostics the diagnostics of the request (the client's view of the range)
 * @param allDiagnostics every local diagnostic of the document, for fix-all
 *
 * Order: every diagnostic's fixes (preferred first), refactors, fix-all, then documentation, and
 * "disable" last: the first entry of the light bulb is never one that silences a finding.
 */
export function getCodeActions(
  ctx: CodeActionContext,
  range: Range,
  diagnostics: Diagnostic[],
  only?: string[],
  allDiagnostics?: Diagnostic[],
): CodeAction[] {
  const session = new EditSession(ctx);
  const proposals: Proposal[] = [];
  const docs: Proposal[] = [];
  const disable: Proposal[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of ourDiagnostics(diagnostics)) {
      const ruleId = (d.data as DiagnosticData).ruleId;
      proposals.push(...orderedFixes(session, d));
      docs.push(...docsProposals(session, d, ruleId));
      disable.push(...disableProposals(session, d, ruleId));
    }
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    proposals.push(...refactors(session, session.offsetAt(range.start)));
  }
  if (only && wants(only, FIX_ALL_KIND) && only.some((o) => o.startsWith(CodeActionKind.Source))) {
    const fixAll = fixAllProposal(session, ourDiagnostics(allDiagnostics ?? diagnostics));
    if (fixAll) {
      proposals.push(fixAll);
    }
  }
  return [...proposals, ...docs, ...disable].map((p) => toCodeAction(ctx, p));
}

/** Every safe fix (one that does not widen or change access), in one edit; overlapping fixes wait for the next run. */
export function fixAllProposal(session: EditSession, diagnostics: Diagnostic[]): Proposal | undefined {
  const edits: OffsetEdit[] = [];
  // touching edits count as overlapping: two insertions at one place have no defined order.
  // Accepted spans are kept sorted (binary search), so thousands of fixes stay fast.
  const spans: { start: number; end: number }[] = [];
  const firstEndingAfter = (offset: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };
  const overlaps = (e: OffsetEdit) => {
    const start = e.offset;
    const end = e.offset + Math.max(e.length, 1);
    // spans never overlap each other, so sorted by start they are sorted by end too
    const i = firstEndingAfter(start);
    return i < spans.length && spans[i].start < end;
  };
  const accept = (e: OffsetEdit) => {
    // the edits of one fix may overlap each other: merged, the spans stay disjoint
    let start = e.offset;
    let end = e.offset + Math.max(e.length, 1);
    const i = firstEndingAfter(start);
    let j = i;
    while (j < spans.length && spans[j].start < end) {
      start = Math.min(start, spans[j].start);
      end = Math.max(end, spans[j].end);
      j++;
    }
    spans.splice(i, j - i, { start, end });
  };
  // syntax repairs first: the structural fixes assume well-formed surroundings
  const ordered = [...diagnostics].sort((a, b) => syntaxFirst(a) - syntaxFirst(b));
  for (const d of ordered) {
    const safe = quickFixes(session, d).find((p) => p.safe && p.edits);
    if (!safe?.edits || safe.edits.some(overlaps)) {
      continue;
    }
    edits.push(...safe.edits);
    safe.edits.forEach(accept);
  }
  if (edits.length === 0) {
    return undefined;
  }
  // never hand back a document that parses worse than the one we were given
  const before = parseJson(session.text).errors.length;
  if (parseJson(applyOffsetEdits(session.text, edits)).errors.length > before) {
    return undefined;
  }
  return {
    title: t('fix.all'),
    kind: FIX_ALL_KIND,
    edits: edits.map((e) => ({ ...e, snippet: false, text: e.snippet ? unsnippet(e.text) : e.text })),
  };
}
