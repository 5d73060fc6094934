/**
 * What a change grants: compares the access of two sets of policies over requests sampled from the
 * catalog and the policies themselves (the offline counterpart of Access Analyzer's
 * CheckNoNewAccess). Actions are grouped into classes that every written action pattern treats
 * alike (one representative is evaluated per class); resources are the ones written in either
 * policy (wildcards kept literally, so a broader pattern shows as new access) plus `*`; contexts
 * are built from the condition values (each key absent, at each written value, just outside it);
 * principals are the ones the policies name plus an outsider. A request allowed after but denied
 * before is added access; the reverse is removed access.
 */
import type { AccessLevel, ActionInfo, IamCatalog } from '../../catalog/catalog';
import { parseOperator } from '../../catalog/operators';
import { parsePolicy } from '../../policy/parsePolicy';
import type { PolicyDocument, PolicyType } from '../../policy/model';
import { parseJson } from '../../syntax/parseJson';
import { effectiveResource, evaluate, prepareRequest, type PreparedRequest } from './evaluate';
import type { ContextValue, EvalPolicy, EvalPrincipal, EvalRequest } from './types';

export interface AccessEntry {
  action: string;
  service: string;
  accessLevel: AccessLevel | 'Unknown';
  resource: string;
  /** the principal of the sampled request (resource policies) */
  principal?: string;
  /** the context of the sampled request that shows the difference */
  context?: Record<string, string[]>;
  /** why: a new action, a new resource for an allowed action, a new principal, or a loosened condition */
  kind: 'action' | 'resource' | 'principal' | 'condition';
}

export interface AccessDiff {
  added: AccessEntry[];
  removed: AccessEntry[];
  /** resource patterns in the new policy that the old one does not name */
  newResources: string[];
  /** principals in the new policy that the old one does not name */
  newPrincipals: string[];
  /** requests evaluated (per side) */
  requests: number;
}

/** `localeCompare` without arguments, as one collator (the same order, without building one per comparison). */
const compareText = new Intl.Collator().compare;

const SAMPLE_ACCOUNT = '123456789012';
const OWNER_ACCOUNT = '999988887777';
const VARIABLE_SAMPLE = 'var-sample';
const OUTSIDER = 'arn:aws:iam::444455556666:user/outsider';
const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

let allowAll: PolicyDocument | undefined;
/** An identity policy that allows everything: stands for "whatever the principal's own policies grant". */
export function allowAllIdentity(): EvalPolicy {
  allowAll ??= parsePolicy(parseJson(ALLOW_ALL), { policyType: { type: 'identity', source: 'setting' } });
  return { type: 'identity', document: allowAll, name: 'assumed identity policy (allows everything)' };
}

/**
 * The policies that decide a request when one document is looked at on its own: an identity
 * policy alone; a resource or trust policy, an SCP or an RCP with an identity policy that allows
 * everything (so the decision is that document's).
 */
export function standalone(doc: PolicyDocument, name?: string): EvalPolicy[] {
  const type = doc.policyType;
  const own: EvalPolicy = { type: evalTypeOf(type), document: doc, ...(name ? { name } : {}) };
  return type === 'identity' ? [own] : [own, allowAllIdentity()];
}

export function evalTypeOf(type: PolicyType): EvalPolicy['type'] {
  return type;
}

export interface CompareOptions {
  /** at most this many contexts per request (default 48) */
  maxContexts?: number;
  /** list added access only (`removed` stays empty): a narrowing edit can remove thousands of entries nobody reads */
  addedOnly?: boolean;
}

/** Compares what two documents (or sets of policies) grant. `before` may be empty (a new policy). */
export function compareAccess(before: EvalPolicy[], after: EvalPolicy[], catalog: IamCatalog, options: CompareOptions = {}): AccessDiff {
  const docs = [...before, ...after].map((p) => p.document);
  const resourceSide = [...before, ...after].some((p) => p.type === 'resource' || p.type === 'trust');
  const classes = actionClasses(docs, catalog);
  const probes = resourceProbes(docs);
  const contexts = contextSamples(docs, options.maxContexts ?? 48);
  const principals: EvalPrincipal[] = resourceSide ? principalSamples(docs) : [{ arn: `arn:aws:iam::${SAMPLE_ACCOUNT}:user/sample` }];
  const added: AccessEntry[] = [];
  const removed: AccessEntry[] = [];
  const seenAdded = new Set<string>();
  const seenRemoved = new Set<string>();
  let requests = 0;
  const allowedBefore = new Set<number>();
  const allowedAfter = new Set<number>();
  const classOf = new Map<AccessEntry, number>();
  const resourceAccount = resourceSide ? OWNER_ACCOUNT : SAMPLE_ACCOUNT;
  // a request's principal, context and resource account, prepared once per pair (they do not depend on the action or resource)
  const prepared: PreparedRequest[][] = principals.map(() => []);
  for (let ci = 0; ci < classes.length; ci++) {
    const cls = classes[ci];
    // decisions per probe, context, principal
    for (const probe of probes) {
      const probeTypes = probe === '*' ? undefined : new Set(catalog.resourceTypesMatching(probe));
      const applicable = !probeTypes
        ? cls.actions
        : probeTypes.size === 0
          ? []
          : cls.actions.filter((a) => catalog.hasResourceTypeIn(a, probeTypes));
      if (applicable.length === 0 && !cls.unknown) {
        continue;
      }
      const grid: { ctx: number; pr: number; b: boolean; a: boolean }[] = [];
      for (let pr = 0; pr < principals.length; pr++) {
        for (let ctx = 0; ctx < contexts.length; ctx++) {
          // identity policies: the resources are the principal's account's (a cross-account grant needs a resource policy too)
          const request: EvalRequest = {
            action: cls.representative,
            resource: probe,
            principal: principals[pr],
            context: contexts[ctx],
            resourceAccount,
          };
          const shared = (prepared[pr][ctx] ??= prepareRequest(request));
          const a = after.length ? evaluate(after, request, shared).decision === 'allowed' : false;
          const b = before.length ? evaluate(before, request, shared).decision === 'allowed' : false;
          requests++;
          grid.push({ ctx, pr, b, a });
          if (b) {
            allowedBefore.add(ci);
          }
          if (a) {
            allowedAfter.add(ci);
          }
        }
      }
      const record = (
        list: AccessEntry[],
        seen: Set<string>,
        witness: { ctx: number; pr: number },
        otherAllowed: (g: (typeof grid)[number]) => boolean,
      ) => {
        const samePrincipal = grid.some((g) => g.pr === witness.pr && otherAllowed(g));
        const anyPrincipal = grid.some((g) => otherAllowed(g));
        const kind: AccessEntry['kind'] = samePrincipal ? 'condition' : anyPrincipal ? 'principal' : 'action';
        const targets = applicable.length ? applicable : [];
        // the same for every action of the class: the principal and context of the witness
        const ctx = contexts[witness.ctx];
        const principal = resourceSide ? principals[witness.pr].arn : undefined;
        const context = Object.keys(ctx).length
          ? Object.fromEntries(Object.entries(ctx).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(String)]))
          : undefined;
        for (const action of targets) {
          const key = `${action.fullName}\u0000${probe}`;
          if (seen.has(key)) {
            continue;
          }
          seen.add(key);
          const entry: AccessEntry = {
            action: action.fullName,
            service: action.service.prefix,
            accessLevel: action.level,
            resource: probe,
            ...(principal ? { principal } : {}),
            ...(context ? { context } : {}),
            kind,
          };
          classOf.set(entry, ci);
          list.push(entry);
        }
        if (cls.unknown && targets.length === 0) {
          const key = `${cls.representative}\u0000${probe}`;
          if (!seen.has(key)) {
            seen.add(key);
            const entry: AccessEntry = {
              action: cls.representative,
              service: cls.representative.split(':')[0],
              accessLevel: 'Unknown',
              resource: probe,
              kind,
            };
            classOf.set(entry, ci);
            list.push(entry);
          }
        }
      };
      const gained = grid.find((g) => g.a && !g.b);
      if (gained) {
        record(added, seenAdded, gained, (g) => g.b);
      }
      const lost = options.addedOnly ? undefined : grid.find((g) => g.b && !g.a);
      if (lost) {
        record(removed, seenRemoved, lost, (g) => g.a);
      }
    }
  }
  // an action allowed on some resource before, and on a new one now, is a new resource, not a new action
  for (const [list, allowedElsewhere] of [
    [added, allowedBefore],
    [removed, allowedAfter],
  ] as const) {
    for (const e of list) {
      if (e.kind === 'action' && allowedElsewhere.has(classOf.get(e) ?? -1)) {
        e.kind = 'resource';
      }
    }
  }
  const sort = (x: AccessEntry, y: AccessEntry) =>
    compareText(x.service, y.service) || compareText(x.action, y.action) || compareText(x.resource, y.resource);
  added.sort(sort);
  removed.sort(sort);
  const namesOf = (policies: EvalPolicy[], pick: (d: PolicyDocument) => string[]) => new Set(policies.flatMap((p) => pick(p.document)));
  const beforeResources = namesOf(before, resourcesOf);
  const beforePrincipals = namesOf(before, principalsOf);
  return {
    added,
    removed,
    newResources: [...namesOf(after, resourcesOf)].filter((r) => !beforeResources.has(r)).sort(),
    newPrincipals: [...namesOf(after, principalsOf)].filter((r) => !beforePrincipals.has(r)).sort(),
    requests,
  };
}

// ---- actions -------------------------------------------------------------------------------

interface ActionClass {
  representative: string;
  actions: ActionInfo[];
  /** a written action the catalog does not know (kept so a new unknown action still shows) */
  unknown: boolean;
}

function actionPatterns(docs: PolicyDocument[]): { patterns: string[]; negated: boolean; spelled: Map<string, string> } {
  const patterns = new Set<string>();
  const spelled = new Map<string, string>();
  let negated = false;
  for (const d of docs) {
    for (const s of d.statements) {
      const list = s.action ?? s.notAction;
      if (!s.action && s.notAction) {
        negated = true;
      }
      for (const v of list?.values ?? []) {
        if (!v.dynamic) {
          const lower = v.value.trim().toLowerCase();
          patterns.add(lower);
          if (!spelled.has(lower)) {
            spelled.set(lower, v.value.trim());
          }
        }
      }
    }
  }
  return { patterns: [...patterns], negated, spelled };
}

/** Groups catalog actions by the set of written patterns that match them. */
export function actionClasses(docs: PolicyDocument[], catalog: IamCatalog): ActionClass[] {
  const { patterns, negated, spelled } = actionPatterns(docs);
  // the set of patterns matching an action, as a number: 0 is no pattern; adding pattern i to set s
  // gives the same number for every action (patterns are added in order, so equal sets, equal numbers)
  const signature = new Map<ActionInfo, number>();
  let sets = 0;
  for (const p of patterns) {
    const next = new Map<number, number>();
    for (const a of catalog.matchActions(p)) {
      const before = signature.get(a) ?? 0;
      let after = next.get(before);
      if (after === undefined) {
        after = ++sets;
        next.set(before, after);
      }
      signature.set(a, after);
    }
  }
  const groups = new Map<number, ActionInfo[]>();
  const candidates = negated ? catalog.actions : [...signature.keys()];
  for (const a of candidates) {
    const sig = signature.get(a) ?? 0;
    const g = groups.get(sig);
    if (g) {
      g.push(a);
    } else {
      groups.set(sig, [a]);
    }
  }
  const classes: ActionClass[] = [...groups.values()].map((actions) => ({ representative: actions[0].fullName, actions, unknown: false }));
  for (const p of patterns) {
    if (!/[*?]/.test(p) && p.includes(':') && !catalog.action(p)) {
      classes.push({ representative: spelled.get(p) ?? p, actions: [], unknown: true });
    }
  }
  return classes;
}

// ---- resources -----------------------------------------------------------------------------

function resourcesOf(d: PolicyDocument): string[] {
  return d.statements.flatMap((s) => (s.resource ?? s.notResource)?.values.map(effectiveResource) ?? []);
}

/** Written resources (variables instantiated), `*`, and a sample outside every NotResource. */
function resourceProbes(docs: PolicyDocument[]): string[] {
  const probes = new Set<string>(['*']);
  for (const d of docs) {
    for (const r of resourcesOf(d)) {
      probes.add(instantiate(r, false));
      if (r.includes('${')) {
        probes.add(instantiate(r, true));
      }
    }
  }
  return [...probes];
}

/** `${aws:username}` -> a sample value (or its default); `${*}` `${?}` `${$}` -> the character. */
function instantiate(text: string, useDefaults: boolean): string {
  return text.replace(/\$\{([^}]*)\}/g, (_m, inner: string) => {
    const t = inner.trim();
    if (t === '*' || t === '?' || t === '$') {
      return t;
    }
    const d = /,\s*'([^']*)'$/.exec(t);
    return useDefaults && d ? d[1] : VARIABLE_SAMPLE;
  });
}

// ---- principals ----------------------------------------------------------------------------

function principalsOf(d: PolicyDocument): string[] {
  const out: string[] = [];
  for (const s of d.statements) {
    for (const block of [s.principal, s.notPrincipal]) {
      if (block?.scalar) {
        out.push(block.scalar.value);
      }
      for (const e of block?.entries ?? []) {
        for (const v of e.values.values) {
          if (!v.dynamic) {
            out.push(`${e.type}:${v.value.trim()}`);
          }
        }
      }
    }
  }
  return out;
}

function principalSamples(docs: PolicyDocument[]): EvalPrincipal[] {
  const out = new Map<string, EvalPrincipal>();
  const add = (p: EvalPrincipal) => out.set(`${p.kind ?? ''}|${p.arn ?? ''}`, p);
  add({ arn: OUTSIDER });
  add({ kind: 'Anonymous' });
  for (const d of docs) {
    for (const name of principalsOf(d)) {
      const colon = name.indexOf(':');
      const type = colon > 0 && !name.startsWith('arn:') ? name.slice(0, colon) : 'AWS';
      const value = colon > 0 && !name.startsWith('arn:') ? name.slice(colon + 1) : name;
      if (value === '*') {
        continue;
      }
      if (type === 'AWS') {
        const account = /^\d{12}$/.test(value) ? value : /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
        if (account) {
          add({ arn: `arn:aws:iam::${account}:user/sample` });
          continue;
        }
        add({ arn: value });
        const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(value);
        if (role) {
          add({ arn: `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/session` });
        }
      } else if (type === 'Service') {
        add({ arn: value, kind: 'Service' });
      } else if (type === 'Federated') {
        add({ arn: value, kind: 'Federated' });
      } else if (type === 'CanonicalUser') {
        add({ arn: value, kind: 'CanonicalUser' });
      }
    }
  }
  return [...out.values()];
}

// ---- contexts ------------------------------------------------------------------------------

/** Sample values of one condition value, by operator family: the value, and values just outside it. */
function samplesFor(operator: string, value: string): string[] {
  const family = parseOperator(operator).info?.family;
  const v = value.trim();
  switch (family) {
    case 'Numeric': {
      const n = Number(v);
      return Number.isFinite(n) ? [String(n), String(n - 1), String(n + 1)] : [v];
    }
    case 'Date': {
      const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      return Number.isNaN(ms)
        ? [v]
        : [new Date(ms).toISOString(), new Date(ms - 86_400_000).toISOString(), new Date(ms + 86_400_000).toISOString()];
    }
    case 'Bool':
      return ['true', 'false'];
    case 'IpAddress': {
      const net = v.split('/')[0];
      return net.includes(':') ? [net, '2001:db8:ffff::1'] : [net, '198.51.100.77'];
    }
    case 'Null':
      return [VARIABLE_SAMPLE];
    default: {
      const concrete = instantiate(v, false).replace(/\*/g, 'x').replace(/\?/g, 'y');
      return concrete === v ? [v, `${v}-other`] : [concrete, v, `${concrete}-other`];
    }
  }
}

export function contextSamples(docs: PolicyDocument[], max: number): Record<string, ContextValue>[] {
  const values = new Map<string, { key: string; samples: string[]; multi: boolean }>();
  const note = (key: string, samples: string[], multi: boolean) => {
    const lower = key.toLowerCase();
    const entry = values.get(lower) ?? { key, samples: [], multi: false };
    for (const s of samples) {
      if (!entry.samples.includes(s)) {
        entry.samples.push(s);
      }
    }
    entry.multi ||= multi;
    values.set(lower, entry);
  };
  for (const d of docs) {
    for (const s of d.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const multi = !!parseOperator(clause.operator).qualifier;
        for (const entry of clause.entries) {
          note(
            entry.key,
            entry.values.flatMap((v) => samplesFor(clause.operator, v.value)),
            multi,
          );
        }
      }
      for (const r of resourcesOf(d)) {
        for (const m of r.matchAll(/\$\{([^},]+)/g)) {
          const key = m[1].trim();
          if (key !== '*' && key !== '?' && key !== '$') {
            note(key, [VARIABLE_SAMPLE], false);
          }
        }
      }
    }
  }
  const keys = [...values.values()];
  const out: Record<string, ContextValue>[] = [{}];
  if (keys.length === 0) {
    return out;
  }
  const full: Record<string, ContextValue> = {};
  for (const k of keys) {
    full[k.key] = k.multi ? [k.samples[0]] : k.samples[0];
  }
  out.push(full);
  for (const k of keys) {
    const without = { ...full };
    delete without[k.key];
    out.push(without);
    for (const s of k.samples.slice(1)) {
      out.push({ ...full, [k.key]: k.multi ? [s] : s });
    }
    for (const s of k.samples) {
      out.push({ [k.key]: k.multi ? [s] : s });
    }
    if (k.multi) {
      out.push({ ...full, [k.key]: k.samples }, { ...full, [k.key]: [] }, { ...full, [k.key]: [k.samples[0], 'unlisted-value'] });
    }
  }
  return out.slice(0, Math.max(1, max));
}
