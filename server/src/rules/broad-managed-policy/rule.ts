/**
 * broad-managed-policy: attaching an AWS managed policy that grants administrator-like access
 * (AdministratorAccess, PowerUserAccess, IAMFullAccess and any other whose document does what
 * assess.ts describes), with narrower managed policies to attach instead.
 */
import type { IamCatalog } from '../../catalog/catalog';
import type { ManagedPolicies } from '../../catalog/managedPolicies';
import { managedPolicyDocument } from '../../analysis/managedPolicies';
import { defineRule } from '../ruleApi';
import { assessManagedPolicy, type Breadth } from './assess';

const NARROWING =
  ' Attach only what this principal needs, for example {{alternatives}} (or a customer managed policy with the actions it uses).';

export default defineRule({
  id: 'broad-managed-policy',
  meta: {
    description:
      'An attached AWS managed policy grants administrator-like access: every action, all IAM permissions management, or a privilege-escalation path, on every resource.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    messages: {
      admin: '{{name}} grants every action on every resource (full administrator access).' + NARROWING,
      allExcept:
        '{{name}} grants every action of every service except {{actions}}, on every resource, including actions AWS adds later.' +
        NARROWING,
      iam:
        '{{name}} grants all {{count}} IAM permissions-management actions on every resource: its holder can give itself any permission.' +
        NARROWING,
      escalation: '{{name}} allows privilege escalation on every resource: {{methods}}.' + NARROWING,
    },
  },
  check() {
    // managed-policy references only
  },
  checkReferences({ references, catalog, now, report }) {
    const managed = catalog.managedPolicies();
    if (!managed) {
      return;
    }
    for (const r of references) {
      const breadth = r.policy && assessed(managed, r.policy.name, catalog, now);
      if (!r.policy || !breadth) {
        continue;
      }
      const data: Record<string, string | number> = {
        name: r.policy.name,
        alternatives: alternatives(managed, r.policy.name, catalog, now),
      };
      if (breadth.kind === 'allExcept') {
        data.actions = breadth.except;
      } else if (breadth.kind === 'iam') {
        data.count = breadth.count;
      } else if (breadth.kind === 'escalation') {
        data.methods = breadth.methods;
      }
      report({ messageId: breadth.kind, at: { path: [], span: { offset: r.offset, length: r.length } }, data });
    }
  },
});

const cache = new WeakMap<ManagedPolicies, Map<string, Breadth | null>>();

/** The policy's breadth, computed once per policy and process. */
export function assessed(managed: ManagedPolicies, name: string, catalog: IamCatalog, now: Date): Breadth | undefined {
  let byName = cache.get(managed);
  if (!byName) {
    byName = new Map();
    cache.set(managed, byName);
  }
  let breadth = byName.get(name);
  if (breadth === undefined) {
    const policy = managedPolicyDocument(managed, name);
    const path = managed.get(name)?.path ?? '/';
    breadth = (policy && assessManagedPolicy(policy, catalog, now, path === '/service-role/' || path === '/aws-service-role/')) ?? null;
    byName.set(name, breadth);
  }
  return breadth ?? undefined;
}

/**
 * Narrower AWS managed policies, none of them broad itself: the read-only sibling of a
 * `...FullAccess` policy (IAMFullAccess: IAMReadOnlyAccess), else the read-only policy of the same
 * service whose name shares the longest prefix (at least 6 characters); otherwise the
 * job-function policy ViewOnlyAccess and ReadOnlyAccess.
 */
function alternatives(managed: ManagedPolicies, name: string, catalog: IamCatalog, now: Date): string {
  const narrow = (n: string) => !!managed.get(n) && !assessed(managed, n, catalog, now);
  const quote = (n: string) => `"${managed.get(n)!.path.slice(1)}${n}"`;
  const sibling = [name.replace(/FullAccess$/, 'ReadOnlyAccess'), name.replace(/FullAccess$/, 'ReadOnly')].find(
    (n) => n !== name && narrow(n),
  );
  if (sibling) {
    return quote(sibling);
  }
  const common = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) {
      i++;
    }
    return i;
  };
  let best: { name: string; prefix: number } | undefined;
  for (const n of managed.names()) {
    const prefix = common(n, name);
    if (prefix >= 6 && /readonly/i.test(n) && (!best || prefix > best.prefix) && narrow(n)) {
      best = { name: n, prefix };
    }
  }
  if (best) {
    return quote(best.name);
  }
  return ['ViewOnlyAccess', 'ReadOnlyAccess'].filter(narrow).map(quote).join(', ');
}
