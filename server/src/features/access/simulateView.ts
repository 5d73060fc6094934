/**
 * The explanation of a simulated request as Markdown for the editor's view ("Can this policy …?"),
 * localized: the decision and why, what was assumed, the deciding statements, and every statement
 * that matched the action, resource and principal with a table of its conditions (key, the
 * policy's values, the request's values, true or false).
 */
import { t } from '../../i18n';
import type { MessageId } from '../../i18n';
import { code, md, table } from '../markdown';
import { ASSUMED_FILE, type SimulatedStatement, type SimulateOutput } from './simulate';

/** "statement "Sid" (file:line)", localized. */
export function statementRef(s: Pick<SimulatedStatement, 'sid' | 'index' | 'file' | 'line'>): string {
  if (s.file === ASSUMED_FILE) {
    return t('access.statement.assumed');
  }
  return s.sid
    ? t('access.statement.sid', { sid: s.sid, file: s.file, line: s.line })
    : t('access.statement.index', { index: s.index ?? 1, file: s.file, line: s.line });
}

export function decisionText(decision: SimulateOutput['decision']): string {
  return t(`access.decision.${decision}` as MessageId);
}

/** The engine's reason, localized from its id. */
export function reasonText(out: Pick<SimulateOutput, 'reasonId' | 'reasonArgs'>): string {
  const args: Record<string, string> = { ...out.reasonArgs };
  if ('layer' in args) {
    args.layer = args.layer ? t('evaluate.layer', { layer: args.layer }) : '';
  }
  return t(`evaluate.reason.${out.reasonId}` as MessageId, args);
}

const valueList = (values: readonly string[] | null): string =>
  values === null ? t('access.sim.absent') : values.length === 0 ? t('access.sim.empty') : values.map(code).join(', ');

export function renderSimulationMarkdown(out: SimulateOutput, file: string): string {
  const r = out.request;
  const icon = out.decision === 'allowed' ? '✅' : '⛔';
  const lines: string[] = [
    `# ${md(t('access.sim.title', { file, action: r.action }))}`,
    '',
    `## ${icon} ${decisionText(out.decision)}`,
    '',
    md(reasonText(out)),
    '',
    `### ${t('access.sim.request')}`,
    '',
    `- ${t('access.sim.action')}: ${code(r.action)}`,
    `- ${t('access.sim.resource')}: ${code(r.resource)}`,
  ];
  if (r.principal?.arn) {
    lines.push(`- ${t('access.sim.principal')}: ${code(r.principal.arn)}`);
  }
  for (const [k, v] of Object.entries(r.context ?? {})) {
    lines.push(`- ${t('access.sim.context')}: ${code(k)} = ${valueList(Array.isArray(v) ? v.map(String) : [String(v)])}`);
  }
  if (out.assumptions.length) {
    lines.push('', `### ${t('access.sim.assumed')}`, '');
    for (const a of out.assumptions) {
      lines.push(`- ${md(t(`evaluate.assumed.${a}` as MessageId))}`);
    }
  }
  if (out.decidingStatements.length) {
    lines.push('', `### ${t('access.sim.deciding')}`, '');
    for (const s of out.decidingStatements) {
      lines.push(`- ${s.effect} · ${md(statementRef(s))}`);
    }
  }
  lines.push('', `### ${t('access.sim.statements')}`, '');
  if (out.statements.length === 0) {
    lines.push(t('access.sim.noStatements'));
  }
  for (const s of out.statements) {
    const state = s.matched
      ? s.conditions.length
        ? t('access.sim.conditionsHold')
        : t('access.sim.applies')
      : t('access.sim.conditionsNotMet');
    lines.push(`#### ${s.matched ? '✓' : '✗'} ${s.effect} · ${md(statementRef(s))}: ${state}`, '');
    if (s.conditions.length) {
      lines.push(
        table(
          [
            t('access.sim.col.result'),
            t('access.sim.col.operator'),
            t('access.sim.col.key'),
            t('access.sim.col.policyValues'),
            t('access.sim.col.requestValues'),
          ],
          s.conditions.map((c) => [
            `${c.result ? '✓' : '✗'} ${c.result ? t('access.sim.true') : t('access.sim.false')}`,
            code(c.operator),
            code(c.key),
            valueList(c.values),
            valueList(c.requestValues),
          ]),
        ),
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
