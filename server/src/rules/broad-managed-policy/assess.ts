/**
 * What makes an AWS managed policy too broad to attach, decided from its document by the same
 * analysis as our own security rules (not from a list of names): it grants every action on every
 * resource; every action except a few services' (an Allow with NotAction on "*"); every IAM
 * permissions-management action on every resource; or a known privilege-escalation path
 * (the privilege-escalation rule, unconditioned on all resources; not for service-role policies).
 */
import type { IamCatalog } from '../../catalog/catalog';
import { PolicyFacts } from '../../analysis/facts';
import type { PolicyDocument } from '../../policy/model';
import { listSome } from '../helpers';
import privilegeEscalation from '../privilege-escalation/rule';
import { conditionAdjustment, isFullAdmin, resourceBreadth } from '../security';

export type Breadth =
  { kind: 'admin' } | { kind: 'allExcept'; except: string } | { kind: 'iam'; count: number } | { kind: 'escalation'; methods: string };

/**
 * `forServiceRole`: the policy is meant for a service's role (path /service-role/ or
 * /aws-service-role/): what the service does with it is not an escalation by the people who attach
 * it, so only the first three kinds count.
 */
export function assessManagedPolicy(policy: PolicyDocument, catalog: IamCatalog, now: Date, forServiceRole = false): Breadth | undefined {
  const facts = new PolicyFacts(policy, catalog, now);
  const iam = catalog.service('iam');
  const iamPm = iam ? iam.actions.filter((a) => a.level === 'Permissions management') : [];
  const iamGranted = new Set<string>();
  let allExcept: string | undefined;
  for (const s of policy.statements) {
    if (s.effect?.value !== 'Allow' || (!s.action && !s.notAction)) {
      continue;
    }
    const adj = conditionAdjustment(facts, s);
    if (adj.dead || adj.severity || resourceBreadth(facts, s) !== 'all') {
      continue;
    }
    if (isFullAdmin(facts, s)) {
      return { kind: 'admin' };
    }
    if (s.notAction) {
      allExcept ??= listSome(
        s.notAction.values.map((v) => v.value.trim()),
        4,
      );
      continue;
    }
    for (const a of facts.expanded(s).actions) {
      if (a.service === iam && a.level === 'Permissions management' && facts.grants(s, a)) {
        iamGranted.add(a.fullName);
      }
    }
  }
  if (allExcept !== undefined) {
    return { kind: 'allExcept', except: allExcept };
  }
  if (iamPm.length > 0 && iamGranted.size === iamPm.length) {
    return { kind: 'iam', count: iamGranted.size };
  }
  if (forServiceRole) {
    return undefined;
  }
  // the privilege-escalation rule's own check (run directly: the engine imports the rule registry)
  const methods: string[] = [];
  privilegeEscalation.check({
    policy,
    catalog,
    facts,
    report: (f) => {
      if (f.security !== false && f.severity !== 'info' && f.data?.methods) {
        methods.push(String(f.data.methods));
      }
    },
  });
  if (methods.length > 0) {
    return { kind: 'escalation', methods: methods[0] };
  }
  return undefined;
}
