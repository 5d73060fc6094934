/**
 * Quick-fixes: the rule that reported a diagnostic (Diagnostic.data.ruleId) owns its fix
 * (`rules/<id>/fix.ts`); this looks it up in the registry, gives it the finding's place and payload,
 * and turns its proposals into quick-fix proposals. Message text is never read.
 */
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import { isPathPrefix } from '../../syntax/jsonPath';
import { RULES_BY_ID } from '../../rules/index';
import type { FixContext } from '../../rules/ruleApi';
import type { DiagnosticData } from '../diagnostics/diagnostics';
import type { EditSession, Proposal } from './context';

/** What a rule's fix needs: the policy and statement the diagnostic's path points into. */
function fixContext(session: EditSession, diagnostic: Diagnostic, data: DiagnosticData): FixContext {
  const offset = session.offsetAt(diagnostic.range.start);
  const embedded = session.policyAt(offset);
  const relative = embedded ? data.path.slice(embedded.basePath.length) : data.path;
  const statement = embedded?.policy.statements.find((s) => isPathPrefix(s.path, relative));
  return {
    text: session.text,
    style: session.style,
    catalog: session.catalog,
    file: session.ctx.file,
    offset,
    messageId: data.messageId,
    payload: data.fix,
    policy: embedded?.policy,
    statement,
    stringAt: (at) => session.stringAt(at),
  };
}

/** The quick-fixes for one of our diagnostics. */
export function quickFixes(session: EditSession, diagnostic: Diagnostic): Proposal[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  const fix = data?.ruleId ? RULES_BY_ID.get(data.ruleId)?.fix : undefined;
  if (!data || !fix) {
    return [];
  }
  return fix(fixContext(session, diagnostic, data)).map((p) => ({
    title: p.title,
    kind: CodeActionKind.QuickFix,
    diagnostic,
    ...(p.isPreferred !== undefined ? { isPreferred: p.isPreferred } : {}),
    edits: p.edits,
    ...(p.safe !== undefined ? { safe: p.safe } : {}),
  }));
}
