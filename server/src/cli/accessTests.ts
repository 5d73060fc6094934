/**
 * `iam-policy-lint test`: runs the access expectations kept in `.iampolicy.json` ("accessTests"):
 * a policy allows / denies a request, and never grants any of some actions on some resources. A
 * failure names the statement that decides. See docs/access-tests.md for the format.
 */
import { localizeReason, t } from '../i18n';
import fs from 'node:fs';
import path from 'node:path';
import { compareAccess, type EvalRequest } from '../analysis/evaluate';
import { allowAllIdentity } from '../analysis/evaluate/access';
import { wildcardToRegExp } from '../catalog/wildcard';
import { loadCatalog } from '../node/loadCatalog';
import { PROJECT_CONFIG_FILE } from '../shared/settings';
import { InputError, parseFlags, prepareFor, readPolicies, type LoadedPolicy } from './policyInput';
import { simulate } from './simulate';

/** The help of `test`, in the current locale. */
export const testUsage = (): string => t('test.usage');

export interface RequestExpectation {
  action: string;
  resource?: string;
  principal?: string;
  context?: Record<string, string | number | boolean | (string | number | boolean)[]>;
}

export interface NeverGrants {
  actions: string[];
  resources?: string[];
}

export interface AccessTestSpec {
  name?: string;
  /** the policy file (JSON, template or Terraform), relative to the configuration file */
  policy: string;
  /** only the policies of a template whose place contains this text */
  select?: string;
  /** other policies that apply, relative to the configuration file */
  scp?: string[];
  rcp?: string[];
  boundary?: string;
  sessionPolicy?: string;
  /** default principal of the requests */
  principal?: string;
  allows?: RequestExpectation[];
  denies?: RequestExpectation[];
  neverGrants?: NeverGrants[];
}

export interface TestOutcome {
  test: string;
  policy: string;
  expectation: string;
  passed: boolean;
  message: string;
}

function fail(msg: string): never {
  throw new InputError(msg);
}

/** Validates the "accessTests" value of a configuration; throws InputError with the path of the problem. */
export function parseAccessTests(value: unknown, where: string): AccessTestSpec[] {
  if (!Array.isArray(value)) {
    fail(t('test.notArray', { where }));
  }
  const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  return value.map((entry, i) => {
    const at = `${where}: accessTests[${i}]`;
    if (!entry || typeof entry !== 'object') {
      fail(t('test.notObject', { at }));
    }
    const spec = entry as Record<string, unknown>;
    if (typeof spec.policy !== 'string' || !spec.policy) {
      fail(t('test.noPolicy', { at }));
    }
    for (const key of ['allows', 'denies'] as const) {
      const list = spec[key];
      if (
        list !== undefined &&
        (!Array.isArray(list) || list.some((r) => !r || typeof r !== 'object' || typeof (r as RequestExpectation).action !== 'string'))
      ) {
        fail(t('test.badRequests', { at, key }));
      }
    }
    const never = spec.neverGrants;
    if (
      never !== undefined &&
      (!Array.isArray(never) ||
        never.some(
          (n) =>
            !n ||
            typeof n !== 'object' ||
            !isStrings((n as NeverGrants).actions) ||
            ((n as NeverGrants).resources !== undefined && !isStrings((n as NeverGrants).resources)),
        ))
    ) {
      fail(t('test.badNeverGrants', { at }));
    }
    if (!spec.allows && !spec.denies && !spec.neverGrants) {
      fail(t('test.noExpectations', { at }));
    }
    return spec as unknown as AccessTestSpec;
  });
}

const DEFAULT_PRINCIPAL_ACCOUNT = '123456789012';

function requestOf(r: RequestExpectation, spec: AccessTestSpec): EvalRequest {
  const resource = r.resource ?? '*';
  const account = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? DEFAULT_PRINCIPAL_ACCOUNT;
  const principal = r.principal ?? spec.principal ?? `arn:aws:iam::${account}:user/test-user`;
  return { action: r.action, resource, principal: { arn: principal }, ...(r.context ? { context: r.context } : {}) };
}

const describeRequest = (r: EvalRequest) =>
  r.context && Object.keys(r.context).length
    ? t('test.requestWith', {
        action: r.action,
        resource: r.resource,
        context: Object.entries(r.context)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
          .join(', '),
      })
    : t('test.request', { action: r.action, resource: r.resource });

/** Runs one test's expectations against its policies. */
export function runAccessTest(spec: AccessTestSpec, policies: LoadedPolicy[], name: string): TestOutcome[] {
  const out: TestOutcome[] = [];
  const catalog = loadCatalog();
  for (const [kind, list] of [
    ['allows', spec.allows ?? []],
    ['denies', spec.denies ?? []],
  ] as const) {
    for (const r of list) {
      const request = requestOf(r, spec);
      const sim = simulate(policies, request);
      const allowed = sim.decision === 'allowed';
      const passed = kind === 'allows' ? allowed : !allowed;
      let message: string;
      if (passed) {
        const decision = t(`sim.decision.${sim.decision}`);
        message = sim.deciding.length ? t('test.decidedBy', { decision, deciding: sim.deciding.join(', ') }) : decision;
      } else if (kind === 'allows') {
        const near = sim.statements.filter((s) => s.effect === 'Allow' && !s.matched);
        message = `${t('test.decisionReason', { decision: t(`sim.decision.${sim.decision}`), reason: localizeReason(sim.reason) })}${
          sim.deciding.length ? ` (${sim.deciding.join(', ')})` : ''
        }${
          near.length
            ? `; ${near
                .map((s) =>
                  t('test.doesNotApply', {
                    statement: s.statement,
                    conditions: s.conditions
                      .filter((c) => !c.result)
                      .map((c) => localizeReason(c.reason))
                      .join('; '),
                  }),
                )
                .join('; ')}`
            : ''
        }`;
      } else {
        message = t('test.allowedBy', { deciding: sim.deciding.join(t('test.and')) });
      }
      out.push({
        test: name,
        policy: spec.policy,
        expectation: t(`test.expect.${kind}`, { request: describeRequest(request) }),
        passed,
        message,
      });
    }
  }
  const never = spec.neverGrants ?? [];
  if (never.length) {
    const evalPolicies = policies.some((p) => p.type === 'identity') ? policies : [...policies, allowAllIdentity()];
    const granted = compareAccess([], evalPolicies, catalog).added;
    for (const n of never) {
      const actionRes = n.actions.map((a) => wildcardToRegExp(a));
      const resources = n.resources ?? ['*'];
      const violations = granted.filter(
        (e) => actionRes.some((re) => re.test(e.action)) && resources.some((r) => globsOverlap(r, e.resource)),
      );
      const expectation = t('test.expect.neverGrants', { actions: n.actions.join(', '), resources: resources.join(', ') });
      if (violations.length === 0) {
        out.push({ test: name, policy: spec.policy, expectation, passed: true, message: t('test.noSampledAllowed') });
        continue;
      }
      const first = violations[0];
      const request: EvalRequest = {
        action: first.action,
        resource: first.resource,
        principal: { arn: first.principal ?? requestOf({ action: first.action, resource: first.resource }, spec).principal?.arn },
        ...(first.context ? { context: first.context } : {}),
      };
      const sim = simulate(policies, request);
      const more =
        violations.length > 1
          ? t('test.more', {
              count: violations.length - 1,
              actions: `${[...new Set(violations.slice(1, 6).map((v) => v.action))].join(', ')}${violations.length > 6 ? ', ...' : ''}`,
            })
          : '';
      out.push({
        test: name,
        policy: spec.policy,
        expectation,
        passed: false,
        message: t('test.grants', {
          request: describeRequest(request),
          why: sim.deciding.length ? t('test.allowedBy', { deciding: sim.deciding.join(t('test.and')) }) : localizeReason(sim.reason),
          more,
        }),
      });
    }
  }
  return out;
}

/** Whether some string matches both wildcard patterns (`*`, `?`): a granted pattern reaching a forbidden one. */
export function globsOverlap(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const f = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) {
      return known;
    }
    let r = false;
    if (i === a.length && j === b.length) {
      r = true;
    } else if (i < a.length && a[i] === '*' && (f(i + 1, j) || (j < b.length && f(i, j + 1)))) {
      r = true;
    } else if (j < b.length && b[j] === '*' && (f(i, j + 1) || (i < a.length && f(i + 1, j)))) {
      r = true;
    } else if (i < a.length && j < b.length && a[i] !== '*' && b[j] !== '*' && (a[i] === '?' || b[j] === '?' || a[i] === b[j])) {
      r = f(i + 1, j + 1);
    }
    memo.set(key, r);
    return r;
  };
  return f(0, 0);
}

function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

export async function runAccessTests(argv: string[]): Promise<number> {
  const { flags, operands } = parseFlags(argv, { config: 'value', format: 'value', help: 'flag', h: 'flag' });
  if (flags.help || flags.h) {
    process.stdout.write(testUsage());
    return 0;
  }
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new InputError(t('access.badFormat2', { value: format }));
  }
  const configFile = (flags.config as string | undefined) ?? findConfig(process.cwd());
  if (!configFile) {
    throw new InputError(t('test.noConfig', { file: PROJECT_CONFIG_FILE }));
  }
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  } catch (err) {
    throw new InputError(`${configFile}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const raw = config && typeof config === 'object' ? (config as Record<string, unknown>).accessTests : undefined;
  if (raw === undefined) {
    throw new InputError(t('test.noAccessTests', { file: configFile }));
  }
  const specs = parseAccessTests(raw, configFile);
  const base = path.dirname(configFile);
  const only = operands.map((o) => path.resolve(o));
  const selected = specs.filter((s) => only.length === 0 || only.includes(path.resolve(base, s.policy)));
  const rel = (f: string) => path.relative(process.cwd(), path.resolve(base, f)).split(path.sep).join('/');
  await prepareFor(selected.flatMap((s) => [s.policy, ...(s.scp ?? []), ...(s.rcp ?? [])]));
  const outcomes: TestOutcome[] = [];
  for (const spec of selected) {
    const name = spec.name ?? `accessTests[${specs.indexOf(spec)}]`;
    let policies = readPolicies(rel(spec.policy));
    if (spec.select) {
      policies = policies.filter((p) => p.location.includes(spec.select as string));
      if (policies.length === 0) {
        throw new InputError(t('test.noSelected', { name, file: spec.policy, select: String(spec.select) }));
      }
    }
    policies = [
      ...policies,
      ...(spec.scp ?? []).flatMap((f) => readPolicies(rel(f), 'scp')),
      ...(spec.rcp ?? []).flatMap((f) => readPolicies(rel(f), 'rcp')),
      ...(spec.boundary ? readPolicies(rel(spec.boundary), 'boundary') : []),
      ...(spec.sessionPolicy ? readPolicies(rel(spec.sessionPolicy), 'session') : []),
    ];
    outcomes.push(...runAccessTest(spec, policies, name));
  }
  const failed = outcomes.filter((o) => !o.passed);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ passed: outcomes.length - failed.length, failed: failed.length, results: outcomes }, null, 2)}\n`,
    );
  } else {
    const lines: string[] = [];
    for (const o of outcomes) {
      lines.push(`${o.passed ? '✓' : '✗'} ${o.test}: ${rel(o.policy)} ${o.expectation}${o.passed ? '' : `\n    ${o.message}`}`);
    }
    lines.push(
      failed.length ? t('test.failed', { failed: failed.length, total: outcomes.length }) : t('test.passed', { count: outcomes.length }),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed.length ? 1 : 0;
}
