/**
 * Fix-all until nothing changes, the one loop of `iam-policy-lint --fix` and the editor's
 * source.fixAll: applies the safe fixes, re-analyses the result and repeats, because one fix can
 * make another possible (merging statements pairwise, a repaired comma exposing a duplicate).
 * Stops at a fixed point, so running it again changes nothing; a round that would bring back an
 * earlier text (fixes undoing each other) also stops it. The editor gets the whole change as one
 * minimal edit set (textDiff).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { t } from '../../i18n';
import type { PolicyFile } from '../../policy/policyFile';
import { parseJson } from '../../syntax/parseJson';
import type { DiagnosticData } from '../diagnostics/diagnostics';
import { EditSession, FIX_ALL_KIND, type CodeActionContext, type Proposal } from './context';
import { quickFixes } from './fixes';
import { textDiff } from './textDiff';
import { applyOffsetEdits, unsnippet, type OffsetEdit } from '../../edits/textEdits';

const SYNTAX_RULES = new Set(['trailing-comma', 'bom', 'comments-in-strict-json']);

function syntaxFirst(d: Diagnostic): number {
  return SYNTAX_RULES.has((d.data as DiagnosticData).ruleId) ? 0 : 1;
}

export interface FixTarget {
  /** the document's analysis for a text */
  analyze(text: string): PolicyFile;
  /** its diagnostics (with their fix data) */
  diagnose(text: string, file: PolicyFile): Diagnostic[];
  /** builds the code-action context for a text (catalog, document, comment prefix) */
  context(text: string, file: PolicyFile): CodeActionContext;
}

export interface FixResult {
  text: string;
  file: PolicyFile;
  diagnostics: Diagnostic[];
  /** edits applied over all rounds */
  fixed: number;
  rounds: number;
  /** every edit of every round, in order, each against the text of its own round */
  history: OffsetEdit[][];
}

/** A bound far above any real policy's need; reaching it means the fixes do not converge. */
export const MAX_FIX_ROUNDS = 100;

export function fixUntilStable(text: string, target: FixTarget, first?: { file: PolicyFile; diagnostics: Diagnostic[] }): FixResult {
  let file = first?.file ?? target.analyze(text);
  let diagnostics = first?.diagnostics ?? target.diagnose(text, file);
  const seen = new Set<string>([text]);
  const history: OffsetEdit[][] = [];
  let fixed = 0;
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const proposal = fixAllProposal(new EditSession(target.context(text, file)), diagnostics);
    if (!proposal?.edits?.length) {
      break;
    }
    const next = applyOffsetEdits(text, proposal.edits);
    if (next === text || seen.has(next)) {
      break;
    }
    seen.add(next);
    history.push(proposal.edits);
    fixed += proposal.edits.length;
    rounds++;
    text = next;
    file = target.analyze(text);
    diagnostics = target.diagnose(text, file);
  }
  return { text, file, diagnostics, fixed, rounds, history };
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

/**
 * source.fixAll as the editor gets it: the text fixUntilStable reaches, as one set of edits that
 * touch only what changed; undefined when there is nothing to fix.
 */
export function fixAllToFixedPoint(session: EditSession, target: FixTarget): Proposal | undefined {
  const text = session.text;
  const file = session.ctx.file;
  const result = fixUntilStable(text, target, { file, diagnostics: target.diagnose(text, file) });
  const edits = textDiff(text, result.text);
  if (edits.length === 0) {
    return undefined;
  }
  return { title: t('fix.all'), kind: FIX_ALL_KIND, edits };
}
