/**
 * Access tests ("accessTests" in `.iampolicy.json`, docs/access.md): a policy allows / denies a
 * request, and never grants some actions on some resources. Running one test's expectations
 * against its policies, with each outcome's request, the simulation behind it and the CLI's
 * message (in the current locale); `failureMessage` gives the one the editor shows. Also where each
 * expectation is in the configuration text, for diagnostics.
 */
import { compareAccess, type EvalRequest } from '../../analysis/evaluate';
import { allowAllIdentity } from '../../analysis/evaluate/access';
import type { IamCatalog } from '../../catalog/catalog';
import { wildcardToRegExp } from '../../catalog/wildcard';
import { localizeReason, t } from '../../i18n';
import type { JsonNode } from '../../syntax/parseJson';
import { nodeAtPath } from '../../syntax/jsonPath';
import { ASSUMED_FILE, simulate, type LoadedPolicy, type SimulateOutput } from './simulate';
import { decisionText, reasonText, statementRef } from './simulateView';

export class AccessTestError extends Error {}

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

export type ExpectationKind = 'allows' | 'denies' | 'neverGrants';

export interface TestOutcome {
  test: string;
  policy: string;
  expectation: string;
  passed: boolean;
  /** the CLI's report, in the current locale */
  message: string;
  kind: ExpectationKind;
  /** index in the test's `allows`, `denies` or `neverGrants` list */
  index: number;
  /** the request that decided (for neverGrants, the first violating one) */
  request?: EvalRequest;
  simulation?: SimulateOutput;
  /** neverGrants: how many sampled requests were allowed */
  violations?: number;
}

function fail(msg: string): never {
  throw new AccessTestError(msg);
}

/** Validates the "accessTests" value of a configuration; throws AccessTestError with the path of the problem. */
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

const contextText = (r: EvalRequest) =>
  Object.entries(r.context ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join(', ');

/** The request as the CLI's report words it (current locale). */
const describeRequest = (r: EvalRequest) =>
  r.context && Object.keys(r.context).length
    ? t('test.requestWith', { action: r.action, resource: r.resource, context: contextText(r) })
    : t('test.request', { action: r.action, resource: r.resource });

/** The request in the display language. */
export function requestText(r: EvalRequest): string {
  const context = contextText(r);
  return context
    ? t('access.tests.requestWith', { action: r.action, resource: r.resource, context })
    : t('access.tests.request', { action: r.action, resource: r.resource });
}

/** Runs one test's expectations against its policies. */
export function runAccessTest(spec: AccessTestSpec, policies: LoadedPolicy[], name: string, catalog: IamCatalog): TestOutcome[] {
  const out: TestOutcome[] = [];
  for (const [kind, list] of [
    ['allows', spec.allows ?? []],
    ['denies', spec.denies ?? []],
  ] as const) {
    list.forEach((r, index) => {
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
        kind,
        index,
        request,
        simulation: sim,
      });
    });
  }
  const never = spec.neverGrants ?? [];
  if (never.length) {
    const evalPolicies = policies.some((p) => p.type === 'identity') ? policies : [...policies, allowAllIdentity()];
    const granted = compareAccess([], evalPolicies, catalog).added;
    never.forEach((n, index) => {
      const actionRes = n.actions.map((a) => wildcardToRegExp(a));
      const resources = n.resources ?? ['*'];
      const violations = granted.filter(
        (e) => actionRes.some((re) => re.test(e.action)) && resources.some((r) => globsOverlap(r, e.resource)),
      );
      const expectation = t('test.expect.neverGrants', { actions: n.actions.join(', '), resources: resources.join(', ') });
      if (violations.length === 0) {
        out.push({
          test: name,
          policy: spec.policy,
          expectation,
          passed: true,
          message: t('test.noSampledAllowed'),
          kind: 'neverGrants',
          index,
          violations: 0,
        });
        return;
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
        kind: 'neverGrants',
        index,
        request,
        simulation: sim,
        violations: violations.length,
      });
    });
  }
  return out;
}

/** A failed outcome in the display language, naming the statement that decides. */
export function failureMessage(o: TestOutcome, spec: AccessTestSpec): string {
  const sim = o.simulation;
  if (!sim || !o.request) {
    return o.message;
  }
  const deciding = sim.decidingStatements.filter((s) => s.file !== ASSUMED_FILE).map(statementRef);
  const statements = (deciding.length ? deciding : sim.decidingStatements.map(statementRef)).join(', ');
  const request = requestText(o.request);
  if (o.kind === 'allows') {
    const near = sim.statements
      .filter((s) => s.effect === 'Allow' && !s.matched)
      .map((s) =>
        t('access.tests.notApplying', {
          statement: statementRef(s),
          conditions: s.conditions
            .filter((c) => !c.result)
            .map((c) => `${c.operator} ${c.key}`)
            .join(', '),
        }),
      );
    const reason = [reasonText(sim), ...(deciding.length && sim.decision === 'explicitDeny' ? [statements] : []), ...near].join(' ');
    return t('access.tests.expectedAllowed', { test: o.test, request, decision: decisionText(sim.decision), reason });
  }
  if (o.kind === 'denies') {
    return t('access.tests.expectedDenied', { test: o.test, request, statements });
  }
  const n = spec.neverGrants?.[o.index];
  return t('access.tests.neverGranted', {
    test: o.test,
    actions: (n?.actions ?? []).join(', '),
    statements,
    request,
    more: (o.violations ?? 0) > 1 ? t('access.tests.more', { count: (o.violations ?? 1) - 1 }) : '',
  });
}

/** The node of an expectation in the configuration's JSON tree (the test object when the entry is missing). */
export function expectationNode(
  root: JsonNode | undefined,
  testIndex: number,
  kind?: ExpectationKind,
  index?: number,
): JsonNode | undefined {
  const test = nodeAtPath(root, ['accessTests', testIndex]);
  if (kind === undefined || index === undefined) {
    return test;
  }
  return nodeAtPath(root, ['accessTests', testIndex, kind, index]) ?? test;
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
