/**
 * `iam-policy-lint simulate POLICY... --action A --resource R [--context key=value ...]`: decides
 * one request offline with the evaluation engine and explains it (the statements that matched, and
 * for each condition the key and value that made it true or false).
 */
import type { EvalPolicyType } from '../analysis/evaluate';
import { simulate, simulationRequest, type SimulateOutput } from '../features/access/simulate';
import { InputError, parseContextArgs, parseFlags, prepareFor, readPolicies, type LoadedPolicy } from './policyInput';

export const SIMULATE_USAGE = `Usage: iam-policy-lint simulate POLICY... --action ACTION [--resource ARN] [options]

Decides one request against the policies offline and explains the decision.
POLICY files are JSON policies, CloudFormation/SAM templates or Terraform files; their type is
inferred (identity, resource, trust, scp, rcp) unless given with the options below.

Options:
  --action <service:Action>         the action (required)
  --resource <arn>                  the resource ARN (default: *)
  --principal <arn>                 who makes the request (default: a user in the resource's account)
  --context <key=value>             a context key; repeat a key for a multivalued key
  --scp <file>  --rcp <file>        add an SCP / RCP (repeatable)
  --boundary <file>                 add a permissions boundary
  --session-policy <file>           add a session policy
  --resource-policy <file>          add a resource-based policy
  --format <text|json>              output (default: text)

With no identity policy, the principal's own identity policies are assumed to allow the request
(so an SCP, RCP, boundary or cross-account resource policy can be checked on its own).
Exit status: 0 allowed, 1 denied (implicitly or explicitly), 2 usage or input errors.
`;

export { simulate, type SimulateOutput };

export function renderSimulation(out: SimulateOutput): string {
  const lines: string[] = [];
  const r = out.request;
  lines.push(`${out.decision}: ${out.reason}`);
  lines.push(`  request: ${r.action} on ${r.resource}${r.principal?.arn ? ` by ${r.principal.arn}` : ''}`);
  for (const [k, v] of Object.entries(r.context ?? {})) {
    lines.push(`  context: ${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
  }
  for (const a of out.assumed) {
    lines.push(`  assumed: ${a}`);
  }
  if (out.statements.length === 0) {
    lines.push('  no statement matches the action, resource and principal');
  }
  for (const s of out.statements) {
    lines.push(`  ${s.effect} ${s.statement}: ${s.matched ? (s.conditions.length ? 'conditions hold' : 'applies') : 'conditions not met'}`);
    for (const c of s.conditions) {
      lines.push(`    ${c.result ? '✓' : '✗'} ${c.operator} ${c.key}: ${c.reason}`);
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
    process.stdout.write(SIMULATE_USAGE);
    return 0;
  }
  const action = flags.action as string | undefined;
  if (!action) {
    throw new InputError('simulate needs --action (for example --action s3:GetObject)');
  }
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new InputError(`--format must be text or json, not "${format}"`);
  }
  const extra: [string, EvalPolicyType][] = [
    ...((flags.scp as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'scp']),
    ...((flags.rcp as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'rcp']),
    ...((flags.boundary as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'boundary']),
    ...((flags['session-policy'] as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'session']),
    ...((flags['resource-policy'] as string[] | undefined) ?? []).map((f): [string, EvalPolicyType] => [f, 'resource']),
  ];
  if (operands.length === 0 && extra.length === 0) {
    throw new InputError('simulate needs at least one policy file');
  }
  await prepareFor([...operands, ...extra.map(([f]) => f)]);
  const policies: LoadedPolicy[] = [...operands.flatMap((f) => readPolicies(f)), ...extra.flatMap(([f, type]) => readPolicies(f, type))];
  const context = parseContextArgs((flags.context as string[] | undefined) ?? []);
  const request = simulationRequest({
    action,
    resource: flags.resource as string | undefined,
    principal: flags.principal as string | undefined,
    context,
  });
  const out = simulate(policies, request);
  process.stdout.write(format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : renderSimulation(out));
  return out.decision === 'allowed' ? 0 : 1;
}
