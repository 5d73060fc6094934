/**
 * `iam-policy-lint simulate POLICY... --action A --resource R [--context key=value ...]`: decides
 * one request offline with the evaluation engine and explains it (the statements that matched, and
 * for each condition the key and value that made it true or false).
 */
import type { EvalPolicyType } from '../analysis/evaluate';
import { localizeReason, t } from '../i18n';
import { simulate, simulationRequest, type SimulateOutput } from '../features/access/simulate';
import type { CliIo } from './io';
import { InputError, parseContextArgs, parseFlags, prepareFor, readPolicies, type LoadedPolicy } from './policyInput';

/** The help of `simulate`, in the current locale. */
export const simulateUsage = (): string => t('sim.usage');

export { simulate, type SimulateOutput };

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

export async function runSimulate(argv: string[], io: CliIo): Promise<number> {
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
    io.stdout.write(simulateUsage());
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
  const policies: LoadedPolicy[] = [
    ...operands.flatMap((f) => readPolicies(io, f)),
    ...extra.flatMap(([f, type]) => readPolicies(io, f, type)),
  ];
  const context = parseContextArgs((flags.context as string[] | undefined) ?? []);
  const request = simulationRequest({
    action,
    resource: flags.resource as string | undefined,
    principal: flags.principal as string | undefined,
    context,
  });
  const out = simulate(policies, request);
  io.stdout.write(format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : renderSimulation(out));
  return out.decision === 'allowed' ? 0 : 1;
}
