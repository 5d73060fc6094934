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
import { applyOffsetEdits, unsnippet, type OffsetEdit } from './textEdits';

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

/** `// iam-policy-disable rule` (JSONC) or a command that adds the file to iamPolicy.ignore (strict JSON). */
function disableProposal(session: EditSession, diagnostic: Diagnostic, ruleId: string): Proposal {
  const title = t('fix.disableRule', { ruleId });
  const prefix = session.ctx.commentPrefix;
  if (!prefix) {
    return { title, kind: CodeActionKind.QuickFix, diagnostic, command: Command.create(title, DISABLE_RULE_COMMAND, session.ctx.document.uri, ruleId) };
  }
  const text = session.text;
  const existing = new RegExp(`^[ \\t]*${prefix.replace(/\//g, '\\/')}[ \\t]*iam-policy-disable(?![\\w-])([^\\n]*)`, 'm').exec(text);
  const edit: OffsetEdit =
    existing && !parseSuppressions(existing[0]).file.has('*')
      ? { offset: existing.index + existing[0].replace(/\s+$/, '').length, length: 0, text: `, ${ruleId}` }
      : { offset: 0, length: 0, text: `${prefix} iam-policy-disable ${ruleId}${session.style.eol}` };
  return { title, kind: CodeActionKind.QuickFix, diagnostic, edits: [edit] };
}

function docsProposal(diagnostic: Diagnostic, ruleId: string): Proposal {
  const title = t('fix.openDocs', { ruleId });
  return { title, kind: CodeActionKind.QuickFix, diagnostic, command: Command.create(title, OPEN_RULE_DOCS_COMMAND, ruleId, diagnostic.codeDescription?.href) };
}

/**
 * @param diagnostics the diagnostics of the request (the client's view of the range)
 * @param allDiagnostics every local diagnostic of the document, for fix-all
 */
export function getCodeActions(ctx: CodeActionContext, range: Range, diagnostics: Diagnostic[], only?: string[], allDiagnostics?: Diagnostic[]): CodeAction[] {
  const session = new EditSession(ctx);
  const proposals: Proposal[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of ourDiagnostics(diagnostics)) {
      const ruleId = (d.data as DiagnosticData).ruleId;
      proposals.push(...quickFixes(session, d), disableProposal(session, d, ruleId), docsProposal(d, ruleId));
    }
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    proposals.push(...refactors(session, session.offsetAt(range.start)));
  }
  if (only && wants(only, FIX_ALL_KIND) && only.some((o) => o.startsWith(CodeActionKind.Source))) {
    const fixAll = fixAllProposal(session, ourDiagnostics(allDiagnostics ?? diagnostics));
    if (fixAll) {proposals.push(fixAll);}
  }
  return proposals.map((p) => toCodeAction(ctx, p));
}

/** Every safe fix (one that does not widen or change access), in one edit; overlapping fixes wait for the next run. */
export function fixAllProposal(session: EditSession, diagnostics: Diagnostic[]): Proposal | undefined {
  const edits: OffsetEdit[] = [];
  // touching edits count as overlapping: two insertions at one place have no defined order
  const overlaps = (e: OffsetEdit) => edits.some((x) => e.offset < x.offset + Math.max(x.length, 1) && x.offset < e.offset + Math.max(e.length, 1));
  // syntax repairs first: the structural fixes assume well-formed surroundings
  const ordered = [...diagnostics].sort((a, b) => syntaxFirst(a) - syntaxFirst(b));
  for (const d of ordered) {
    const safe = quickFixes(session, d).find((p) => p.safe && p.edits);
    if (!safe?.edits || safe.edits.some(overlaps)) {continue;}
    edits.push(...safe.edits);
  }
  if (edits.length === 0) {return undefined;}
  // never hand back a document that parses worse than the one we were given
  const before = parseJson(session.text).errors.length;
  if (parseJson(applyOffsetEdits(session.text, edits)).errors.length > before) {return undefined;}
  return { title: t('fix.all'), kind: FIX_ALL_KIND, edits: edits.map((e) => ({ ...e, snippet: false, text: e.snippet ? unsnippet(e.text) : e.text })) };
}
