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
import { fixAllProposal, fixAllToFixedPoint, type FixTarget } from './fixUntilStable';
import { refactors } from './refactors';
import type { OffsetEdit } from '../../edits/textEdits';

export { FIX_ALL_KIND, type CodeActionContext } from './context';
export { fixAllProposal, type FixTarget } from './fixUntilStable';

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
 * @param fixTarget how to re-analyse and diagnose a text: with it, fix-all runs to the same fixed
 *   point as `iam-policy-lint --fix` (fixUntilStable) and returns one edit set for the whole change;
 *   without it (a caller that cannot re-analyse), one round of safe fixes
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
  fixTarget?: FixTarget,
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
    const fixAll = fixTarget
      ? fixAllToFixedPoint(session, fixTarget)
      : fixAllProposal(session, ourDiagnostics(allDiagnostics ?? diagnostics));
    if (fixAll) {
      proposals.push(fixAll);
    }
  }
  return [...proposals, ...docs, ...disable].map((p) => toCodeAction(ctx, p));
}
