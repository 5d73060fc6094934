/**
 * `iam-policy-lint simulate POLICY... --action A --resource R [--context key=value ...]`: decides
 * one request offline with the evaluation engine and explains it (the statements that matched, and
 * for each condition the key and value that made it true or false).
 */
import { decideWithAssumptions, type EvalPolicyType, type EvalRequest, type EvaluationResult } from '../analysis/evaluate';
import { localizeReason, t } from '../i18n';
import { InputError, parseContextArgs, parseFlags, prepareFor, readPolicies, statementLocation, type LoadedPolicy } from './policyInput';

/** The help of `simulate`, in the current locale. */
export const simulateUsage = (): string => t('sim.usage');

const DEFAULT_ACCOUNT = '123456789012';

export interface SimulateOutput {
  decision: EvaluationResult['decision'];
  reason: string;
  request: EvalRequest;
  assumed: string[];
  deciding: string[];
  statements: {
    statement: string;
    effect: string;
    matched: boolean;
    conditions: { operator: string; key: string; values: string[]; requestValues: string[] | null; result: boolean; reason: string }[];
  }[];
}

export function simulate(policies: LoadedPolicy[], request: EvalRequest): SimulateOutput {
  const { result, assumed, policies: evaluated } = decideWithAssumptions(policies, request);
  const all: LoadedPolicy[] = evaluated.map((p) =>
    policies.includes(p as LoadedPolicy)
      ? (p as LoadedPolicy)
      : { ...p, name: p.name ?? t('access.assumedPolicy'), file: t('access.assumedFile'), location: '', text: '' },
  );
  return {
    decision: result.decision,
    reason: result.reason,
    request,
    assumed,
    deciding: result.deciding.map((s) => statementLocation(s, all)),
    statements: result.statements.map((s) => ({
      statement: statementLocation(s, all),
      effect: s.effect,
      matched: s.matched,
      conditions: s.conditions.map((c) => ({
        operator: c.operator,
        key: c.key,
        values: c.values,
        requestValues: c.requestValues ?? null,
        result: c.result,
        reason: c.reason,
      })),
    })),
  };
}

export function renderSimulation(out: SimulateOutput): string {
  const lines: string[] = [];
  const r = out.request;
  lines.push(`${t(`sim.decision.${out.decision}`)}: ${localizeReason(out.reason)}`);
  lines.push(
    r.principal?.arn
      ? t('sim.requestBy', { action: r.action, resource: r.resource, principal: r.principal.arn })
      : t('sim.request', { action: r.action, resource: r.resource }),
  );
  for (const [k, v] of Object.entries(r.context ?? {})) {
    lines.push(t('sim.context', { key: k, value: Array.isArray(v) ? `[${v.join(', ')}]` : String(v) }));
  }
  for (const a of out.assumed) {
    lines.push(t('sim.assumed', { text: localizeReason(a) }));
  }
  if (out.statements.length === 0) {
    lines.push(t('sim.noStatement'));
  }
  for (const s of out.statements) {
    const state = s.matched ? (s.conditions.length ? t('sim.conditionsHold') : t('sim.applies')) : t('sim.conditionsNotMet');
    lines.push(`  ${t(`effect.${s.effect === 'Deny' ? 'Deny' : 'Allow'}`)} ${s.statement}: ${state}`);
    for (const c of s.conditions) {
      lines.push(`    ${c.result ? '✓' : '✗'} ${c.operator} ${c.key}: ${localizeReason(c.reason)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runSimulate(argv: string[]): Promise<number> {
  const { flags, operands } = parseFlags(argv, {
    action: 'value',
    resource: 'value',
    principal: 'value',
    context: 'list',
    scp: 'list',
    rcp: 'list',
    boundary: 'list',
    'session-policy': 'list',
    'resource-policy': 'list',
    format: 'value',
    help: 'flag',
    h: 'flag',
  });
  if (flags.help || flags.h) {
    process.stdout.write(simulateUsage());
    return 0;
  }
  const action = flags.action as string | undefined;
  if (!action) {
    throw new InputError(t('sim.needsAction'));
  }
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new InputError(t('access.badFormat2', { value: format }));
  }
  const extra: [string, EvalPolicyType][] = [
    ...((flags.scp as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'scp']),
    ...((flags.rcp as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'rcp']),
    ...((flags.boundary as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'boundary']),
    ...((flags['session-policy'] as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'session']),
    ...((flags['resource-policy'] as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'resource']),
  ];
  if (operands.length === 0 && extra.length === 0) {
    throw new InputError(t('sim.needsPolicy'));
  }
  await prepareFor([...operands, ...extra.map(([f]) => f)]);
  const policies: LoadedPolicy[] = [...operands.flatMap((f) => readPolicies(f)), ...extra.flatMap(([f, type]) => readPolicies(f, type))];
  const resource = (flags.resource as string | undefined) ?? '*';
  const account = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? DEFAULT_ACCOUNT;
  const principal = (flags.principal as string | undefined) ?? `arn:aws:iam::${account}:user/simulated-user`;
  const context = parseContextArgs((flags.context as string[] | undefined) ?? []);
  const request: EvalRequest = { action, resource, principal: { arn: principal }, ...(Object.keys(context).length ? { context } : {}) };
  const out = simulate(policies, request);
  process.stdout.write(format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : renderSimulation(out));
  return out.decision === 'allowed' ? 0 : 1;
}
