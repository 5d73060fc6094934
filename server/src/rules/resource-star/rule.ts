import { compareText, type AccessLevel, type ActionInfo, type IamCatalog } from '../../catalog/catalog';
import type { PolicyFacts } from '../../analysis/facts';
import type { Statement } from '../../policy/model';
import { defineRule } from '../ruleApi';

/** most sensitive first: who can do what (permissions management), then changes, then tags */
const LEVEL_RANK: Record<AccessLevel, number> = { 'Permissions management': 0, Write: 1, Tagging: 2, Read: 3, List: 4 };
import { valueOf } from '../helpers';
import { conditionAdjustment, isFullAdmin, netActionsOf, withAdjustment } from '../security';
import { fix, type Payload } from './fix';

const SHOWN = 3;

const byRank = (a: ActionInfo, b: ActionInfo): number =>
  LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compareText(a.service.prefix, b.service.prefix) || compareText(a.name, b.name);

/** `listSome` of the actions in `order`, without sorting them all (a statement can grant thousands). */
function listFirst(actions: readonly ActionInfo[], order: (a: ActionInfo, b: ActionInfo) => number): string {
  const n = SHOWN;
  const best: ActionInfo[] = [];
  for (const a of actions) {
    if (best.length === n && order(a, best[n - 1]) >= 0) {
      continue;
    }
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && order(a, best[at - 1]) < 0) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = a;
  }
  const names = best.map((a) => a.fullName);
  return actions.length <= n ? names.join(', ') : `${names.join(', ')} and ${actions.length - n} more`;
}

/** Actions that change resources and accept ARNs, in the order the message lists them (per catalog, built once). */
const candidatesOf = new WeakMap<IamCatalog, { list: ActionInfo[]; set: Set<ActionInfo> }>();

// actions that only accept "*" (ec2:Describe*, xray:PutTraceSegments) are fine there
const offends = (catalog: IamCatalog, a: ActionInfo): boolean => a.level !== 'List' && a.level !== 'Read' && catalog.hasResourceTypes(a);

/** The message's list of the Allow statement's actions that should name resources, or undefined when there are none. */
function offendingActions(catalog: IamCatalog, facts: PolicyFacts, s: Statement): string | undefined {
  const expanded = facts.expanded(s);
  if (!expanded.all) {
    const offending = netActionsOf(facts, s, expanded.actions).filter((a) => offends(catalog, a));
    return offending.length === 0 ? undefined : listFirst(offending, byRank);
  }
  // "*" or NotAction: every action but a few, so count what the statement leaves out instead of listing the catalog
  let candidates = candidatesOf.get(catalog);
  if (!candidates) {
    const list = catalog.actions.filter((a) => offends(catalog, a)).sort(byRank);
    candidates = { list, set: new Set(list) };
    candidatesOf.set(catalog, candidates);
  }
  const removed = new Set<ActionInfo>(expanded.negated ? expanded.byPattern.flatMap((p) => p.matches) : []);
  for (const a of facts.blanketDenied()) {
    removed.add(a);
  }
  let total = candidates.list.length;
  for (const a of removed) {
    if (candidates.set.has(a)) {
      total--;
    }
  }
  const names: string[] = [];
  for (const a of candidates.list) {
    if (names.length === SHOWN) {
      break;
    }
    if (!removed.has(a)) {
      names.push(a.fullName);
    }
  }
  if (total === 0) {
    return undefined;
  }
  return total <= SHOWN ? names.join(', ') : `${names.join(', ')} and ${total - SHOWN} more`;
}

export default defineRule<Payload>({
  id: 'resource-star',
  fix,
  meta: {
    description: 'An Allow grants actions that change resources on "Resource": "*", although they support resource-level permissions.',
    category: 'security',
    defaultSeverity: 'warning',
    fixable: true,
    fixAccess: 'narrows',
    // in a resource-based policy "Resource": "*" means the resource the policy is attached to (a KMS
    // key policy, a queue policy); SCPs and RCPs filter rather than grant
    policyTypes: ['identity'],
    messages: {
      star: '"Resource": "*" lets {{actions}} act on every resource of the account{{why}}. These actions accept ARNs: name the resources.',
    },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.resource || isFullAdmin(facts, s)) {
        continue;
      }
      const star = s.resource.values.find((v) => v.value.trim() === '*');
      if (!star) {
        continue;
      }
      const actions = offendingActions(catalog, facts, s);
      if (actions === undefined) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      report(
        withAdjustment(
          {
            messageId: 'star',
            at: s.resource.isArray ? star : valueOf(s.resource.element),
            data: { actions, why: adj.why },
          },
          adj,
        ),
      );
    }
  },
});
