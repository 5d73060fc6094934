/**
 * The evaluation engine: decides one request against the policies that apply, following the IAM
 * User Guide's policy evaluation logic. Explicit Deny in any policy wins; RCPs and SCPs must each
 * allow at every level; within one account a resource policy's grant suffices (a grant to a role
 * ARN is still limited by the session's boundary and session policies; a grant to the account
 * delegates to identity policies); across accounts both the identity and the resource policy must
 * allow; permissions boundaries and session policies limit what identity policies grant.
 * Policies are compiled once (cached per document), so a request costs a few regex tests.
 */
import { isDeny, type PolicyDocument, type PolicyString, type Statement, type StringList } from '../../policy/model';
import { compileClauses, evaluateCondition, type CompiledCondition, type RequestContext } from './conditionEval';
import { compilePattern, PatternSet, type VariableLookup } from './patterns';
import { matchPrincipalBlock, normalizePrincipal, notPrincipalExcludes, type NormalizedPrincipal } from './principals';
import type {
  ContextValue,
  EvalPolicy,
  EvalPolicyType,
  EvalRequest,
  EvaluationResult,
  PrincipalMatch,
  ReasonId,
  StatementTrace,
} from './types';

interface CompiledStatement {
  statement: Statement;
  effect: 'Allow' | 'Deny' | undefined;
  actions: PatternSet | undefined;
  notActions: boolean;
  resources: PatternSet | undefined;
  notResources: boolean;
  conditions: CompiledCondition[];
}

interface CompiledPolicy {
  statements: CompiledStatement[];
}

const compiledCache = new WeakMap<PolicyDocument, CompiledPolicy>();

/**
 * A Resource value as the engine reads it. A value computed by a template (`!Sub`, `!Ref`,
 * `!GetAtt`, Terraform interpolation) is unknown offline: its references stand for any text
 * (`arn:${AWS::Partition}:s3:::${Bucket}` reads as `arn:*:s3:::*`, `!GetAtt T.Arn` as `*`),
 * while IAM policy variables in it (`${aws:username}`, `${!aws:username}` in `!Sub`) stay variables.
 */
export function effectiveResource(v: PolicyString): string {
  const text = v.value.trim();
  if (v.dynamic === undefined) {
    return text;
  }
  if (!text.includes('${')) {
    return '*';
  }
  return text.replace(/\$\{(!?)([^}]*)\}/g, (m, bang: string, inner: string) => {
    if (bang) {
      return `\${${inner}}`;
    }
    return /^[A-Za-z0-9-]+:[^:]/.test(inner.trim()) && !inner.includes('::') ? m : '*';
  });
}

function patternList(list: StringList | undefined, flags: string, variables: boolean, isResource: boolean): PatternSet | undefined {
  if (!list) {
    return undefined;
  }
  // template-computed actions are unknown offline: they match nothing; computed resources: see effectiveResource
  const values = isResource
    ? list.values.map((v) => compilePattern(effectiveResource(v), variables))
    : list.values.filter((v) => v.dynamic === undefined).map((v) => compilePattern(v.value.trim(), false));
  return new PatternSet(values, flags);
}

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  let compiled = compiledCache.get(doc);
  if (compiled) {
    return compiled;
  }
  // policy variables exist only in Version 2012-10-17
  const variables = doc.version?.value === '2012-10-17';
  compiled = {
    statements: doc.statements.map((s) => ({
      statement: s,
      effect: s.effect?.value === 'Allow' ? 'Allow' : isDeny(s) ? 'Deny' : undefined,
      actions: patternList(s.action ?? s.notAction, 'i', false, false),
      notActions: !s.action && !!s.notAction,
      resources: patternList(s.resource ?? s.notResource, '', variables, true),
      notResources: !s.resource && !!s.notResource,
      conditions: compileClauses(s.condition?.clauses ?? [], variables),
    })),
  };
  compiledCache.set(doc, compiled);
  return compiled;
}

/** Builds the request context: the given keys (lower-cased, values as strings) plus what the principal implies. */
export function buildContext(
  request: EvalRequest,
  principal: NormalizedPrincipal,
  resourceAccount = resourceAccountOf(request),
): RequestContext {
  const context: RequestContext = new Map();
  for (const [key, value] of Object.entries(request.context ?? {})) {
    context.set(key.toLowerCase(), toStrings(value));
  }
  const setDefault = (key: string, value: string | undefined) => {
    if (value !== undefined && !context.has(key)) {
      context.set(key, [value]);
    }
  };
  if (principal.kind === 'AWS' && principal.arn) {
    setDefault(
      'aws:principalarn',
      principal.roleName && principal.account ? `arn:aws:iam::${principal.account}:role/${principal.roleName}` : principal.arn,
    );
    setDefault('aws:principalaccount', principal.account);
    const user = /^arn:[^:]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(principal.arn);
    setDefault('aws:username', user?.[1]);
    setDefault(
      'aws:principaltype',
      user ? 'User' : principal.roleName ? 'AssumedRole' : /:root$/.test(principal.arn) ? 'Account' : undefined,
    );
  }
  setDefault('aws:resourceaccount', resourceAccount);
  return context;
}

function toStrings(value: ContextValue): string[] {
  if (Array.isArray(value)) {
    return (value as readonly (string | number | boolean)[]).map(String);
  }
  return [String(value)];
}

function resourceAccountOf(request: EvalRequest): string | undefined {
  if (request.resourceAccount) {
    return request.resourceAccount;
  }
  const fields = request.resource.split(':');
  return fields.length >= 6 && /^\d{12}$/.test(fields[4]) ? fields[4] : undefined;
}

/** Policy variables take single values only; a multivalued key is no value. */
function lookupIn(context: RequestContext): VariableLookup {
  return (key) => {
    const v = context.get(key);
    return v && v.length === 1 ? v[0] : undefined;
  };
}

const USES_PRINCIPAL: ReadonlySet<EvalPolicyType> = new Set(['resource', 'trust', 'rcp']);

function policyName(p: EvalPolicy, i: number): string {
  return p.name ?? `${p.type} policy${i ? ` ${i + 1}` : ''}`;
}

/** Statements of one policy whose action, resource and principal match, with their conditions evaluated. */
function evaluatePolicy(
  policy: EvalPolicy,
  name: string,
  action: string,
  resource: string,
  principal: NormalizedPrincipal,
  context: RequestContext,
  lookup: VariableLookup,
  out: StatementTrace[],
): void {
  const compiled = compilePolicy(policy.document);
  for (const c of compiled.statements) {
    if (!c.effect || !c.actions) {
      continue;
    }
    if (!!c.actions.match(action, lookup) === c.notActions) {
      continue;
    }
    if (c.resources) {
      if (!!c.resources.match(resource, lookup) === c.notResources) {
        continue;
      }
    } else if (policy.type !== 'trust') {
      continue; // a statement without Resource/NotResource applies to nothing (role trust policies omit it)
    }
    let principalMatch: PrincipalMatch | undefined;
    if (USES_PRINCIPAL.has(policy.type)) {
      const s = c.statement;
      if (s.principal) {
        principalMatch = matchPrincipalBlock(s.principal, principal);
        if (!principalMatch) {
          continue;
        }
      } else if (s.notPrincipal) {
        if (notPrincipalExcludes(s.notPrincipal, principal)) {
          continue;
        }
        principalMatch = 'notPrincipal';
      } else if (policy.type !== 'rcp') {
        continue;
      }
    }
    const conditions: StatementTrace['conditions'] = [];
    let matched = true;
    for (const cond of c.conditions) {
      if (!evaluateCondition(cond, context, lookup, conditions)) {
        matched = false;
      }
    }
    out.push({
      policy: name,
      policyType: policy.type,
      statement: c.statement,
      ...(c.statement.sid ? { sid: c.statement.sid.value } : {}),
      index: c.statement.index,
      effect: c.effect,
      matched,
      conditions,
      ...(principalMatch ? { principalMatch } : {}),
    });
  }
}

/** What `evaluate` derives from a request's principal, context and resource account. */
export interface PreparedRequest {
  principal: NormalizedPrincipal;
  resourceAccount: string | undefined;
  context: RequestContext;
  lookup: VariableLookup;
}

/**
 * The principal, context and resource account of a request as `evaluate` reads them. Many requests
 * that differ only in action and resource (and give `resourceAccount`) share one: compareAccess
 * prepares each principal and context once instead of once per request.
 */
export function prepareRequest(request: EvalRequest): PreparedRequest {
  const principal = normalizePrincipal(request.principal);
  const resourceAccount = resourceAccountOf(request);
  const context = buildContext(request, principal, resourceAccount);
  return { principal, resourceAccount, context, lookup: lookupIn(context) };
}

/**
 * Decides a request. Pure; the policies' compiled form is cached per document. `prepared`, when
 * given, must be `prepareRequest` of a request with the same principal, context and resource
 * account (evaluation never changes it).
 */
export function evaluate(
  policies: readonly EvalPolicy[],
  request: EvalRequest,
  prepared: PreparedRequest = prepareRequest(request),
): EvaluationResult {
  const { principal, resourceAccount, context, lookup } = prepared;
  const action = request.action.trim();
  const statements: StatementTrace[] = [];
  const byPolicy: StatementTrace[][] = [];
  policies.forEach((p, i) => {
    const out: StatementTrace[] = [];
    evaluatePolicy(p, policyName(p, i), action, request.resource, principal, context, lookup, out);
    byPolicy.push(out);
    statements.push(...out);
  });
  const result = (
    decision: EvaluationResult['decision'],
    reason: string,
    deciding: StatementTrace[],
    reasonId: ReasonId,
    reasonArgs: Record<string, string> = {},
  ): EvaluationResult => ({
    decision,
    reason,
    reasonId,
    reasonArgs,
    deciding,
    statements,
  });

  const denies = statements.filter((s) => s.matched && s.effect === 'Deny');
  if (denies.length > 0) {
    return result('explicitDeny', `explicitly denied by ${describeStatement(denies[0])}`, denies, 'explicitDeny');
  }
  // matched Allow statements of the policies of these types, in policy order (a loop: flatMap is slow, and this runs per request)
  const allowsOf = (types: readonly EvalPolicyType[]) => {
    const out: StatementTrace[] = [];
    for (let i = 0; i < policies.length; i++) {
      if (types.includes(policies[i].type)) {
        for (const s of byPolicy[i]) {
          if (s.matched && s.effect === 'Allow') {
            out.push(s);
          }
        }
      }
    }
    return out;
  };
  const deciding: StatementTrace[] = [];

  // organization limits: every level of RCPs and SCPs must allow
  for (const type of principal.kind === 'AWS' ? (['rcp', 'scp'] as const) : (['rcp'] as const)) {
    const layers = new Map<string, StatementTrace[]>();
    policies.forEach((p, i) => {
      if (p.type === type) {
        const list = layers.get(p.layer ?? '') ?? [];
        list.push(...byPolicy[i].filter((s) => s.matched && s.effect === 'Allow'));
        layers.set(p.layer ?? '', list);
      }
    });
    for (const [layer, allows] of layers) {
      if (allows.length === 0) {
        return result(
          'implicitDeny',
          `no ${type === 'scp' ? 'service control policy' : 'resource control policy'}${layer ? ` at ${layer}` : ''} allows the action`,
          [],
          type === 'scp' ? 'noScp' : 'noRcp',
          { layer },
        );
      }
      deciding.push(allows[0]);
    }
  }

  const has = (type: EvalPolicyType) => policies.some((p) => p.type === type);
  // a service, an anonymous caller or a federated identity has no identity policies here: only resource policies grant
  if (principal.kind !== 'AWS') {
    const grant = allowsOf(['resource', 'trust'])[0];
    return grant
      ? result('allowed', `allowed by ${describeStatement(grant)}`, [...deciding, grant], 'allowedByResource')
      : result(
          'implicitDeny',
          `no resource-based policy allows the ${principal.kind === 'Anonymous' ? 'anonymous' : principal.kind.toLowerCase()} principal`,
          [],
          'noResourcePolicyForPrincipal',
          { kind: principal.kind },
        );
  }
  const limits = (): { ok: true } | { ok: false; reason: string; id: ReasonId } => {
    for (const type of ['boundary', 'session'] as const) {
      if (has(type)) {
        const allows = allowsOf([type]);
        if (allows.length === 0) {
          return {
            ok: false,
            reason: `the ${type === 'boundary' ? 'permissions boundary' : 'session policy'} does not allow the action`,
            id: type === 'boundary' ? 'boundaryDenies' : 'sessionDenies',
          };
        }
        deciding.push(allows[0]);
      }
    }
    return { ok: true };
  };

  const resourceAllows = allowsOf(['resource', 'trust']);
  const identityAllows = allowsOf(['identity']);
  const crossAccount = !!principal.account && !!resourceAccount && principal.account !== resourceAccount;

  if (crossAccount) {
    if (resourceAllows.length === 0) {
      return result(
        'implicitDeny',
        `cross-account request (principal in ${principal.account}, resource in ${resourceAccount}): no resource-based policy allows it`,
        [],
        'crossAccountNoResource',
        { principalAccount: principal.account ?? '', resourceAccount: resourceAccount ?? '' },
      );
    }
    if (identityAllows.length === 0) {
      return result(
        'implicitDeny',
        `cross-account request: the resource-based policy allows it, but no identity-based policy of account ${principal.account} does`,
        [],
        'crossAccountNoIdentity',
        { principalAccount: principal.account ?? '' },
      );
    }
    const l = limits();
    if (!l.ok) {
      return result('implicitDeny', l.reason, [], l.id);
    }
    return result(
      'allowed',
      `allowed by ${describeStatement(resourceAllows[0])} and ${describeStatement(identityAllows[0])}`,
      [...deciding, resourceAllows[0], identityAllows[0]],
      'allowedCrossAccount',
    );
  }

  // same account, KMS keys and role trust: the key policy or the trust policy must allow (it may
  // delegate to identity policies by naming the account); an identity policy alone grants nothing
  const owner = mustAllowOwner(policies, action);
  if (owner && resourceAllows.length === 0) {
    return owner === 'kms'
      ? result(
          'implicitDeny',
          'the KMS key policy does not allow the request: unlike other resource-based policies, a key policy must allow access even within its account (naming the principal, or the account to let IAM policies grant it)',
          [],
          'keyPolicyMustAllow',
        )
      : result(
          'implicitDeny',
          "the role's trust policy does not allow the request: unlike other resource-based policies, a trust policy must allow even principals of its own account",
          [],
          'trustPolicyMustAllow',
        );
  }

  // same account: a resource policy naming the principal grants on its own
  const direct = resourceAllows.find((s) => s.principalMatch !== 'account' && s.principalMatch !== 'role');
  if (direct) {
    return result('allowed', `allowed by ${describeStatement(direct)}`, [...deciding, direct], 'allowedByResource');
  }
  const viaRole = resourceAllows.find((s) => s.principalMatch === 'role');
  if (viaRole) {
    const l = limits();
    if (l.ok) {
      return result(
        'allowed',
        `allowed by ${describeStatement(viaRole)} (granted to the role, within its boundary and session policy)`,
        [...deciding, viaRole],
        'allowedByResourceToRole',
      );
    }
  }
  if (identityAllows.length === 0) {
    const hasIdentity = has('identity');
    return hasIdentity || resourceAllows.length > 0
      ? result('implicitDeny', 'no identity-based policy allows the action', [], 'noIdentityAllows')
      : result('implicitDeny', 'no policy allows the action (implicit deny)', [], 'noPolicyAllows');
  }
  const l = limits();
  if (!l.ok) {
    return result('implicitDeny', l.reason, [], l.id);
  }
  return result('allowed', `allowed by ${describeStatement(identityAllows[0])}`, [...deciding, identityAllows[0]], 'allowedByIdentity');
}

/**
 * Whether the request's resource-based policy must allow even within its account: a role trust
 * policy (for `sts:` actions: AssumeRole and the others a trust policy governs), or a KMS key
 * policy (a `kms:` action when a resource-based policy whose Action names `kms:` actions, the
 * key's, is among the policies). Undefined when no such policy was given: then identity policies
 * decide (`decideWithAssumptions` says it assumes the default key policy, or a trust policy that
 * trusts the account).
 */
export function mustAllowOwner(policies: readonly EvalPolicy[], action: string): 'kms' | 'trust' | undefined {
  if (/^sts:/i.test(action)) {
    return policies.some((p) => p.type === 'trust') ? 'trust' : undefined;
  }
  if (!/^kms:/i.test(action)) {
    return undefined;
  }
  return policies.some((p) => p.type === 'resource' && isKeyPolicy(p.document)) ? 'kms' : undefined;
}

/** A resource-based policy about KMS: a statement's Action names `kms:` actions (a key policy; a bucket policy does not). */
export function isKeyPolicy(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => (s.action?.values ?? []).some((v) => /^\s*kms:/i.test(v.value)));
}

export function describeStatement(s: StatementTrace): string {
  const id = s.sid ? `statement "${s.sid}"` : s.index !== undefined ? `statement #${s.index + 1}` : 'the statement';
  return `${id} of ${s.policy}`;
}
