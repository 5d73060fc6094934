/**
 * Fix-all until nothing changes: applies the safe fixes (source.fixAll), re-analyses the result and
 * repeats, because one fix can make another possible (merging statements pairwise, a repaired
 * comma exposing a duplicate). Stops at a fixed point, so running it again changes nothing; a
 * round that would bring back an earlier text (fixes undoing each other) also stops it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PolicyFile } from '../../policy/policyFile';
import type { CodeActionContext } from './context';
import { EditSession } from './context';
import { fixAllProposal } from './codeActions';
import { applyOffsetEdits, type OffsetEdit } from '../../edits/textEdits';

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
