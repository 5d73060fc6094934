/**
 * Facts about a policy that many rules need (expanded actions, condition assessments, what the
 * policy allows after its Deny statements), computed once per validation and shared.
 */
import type { ActionInfo, IamCatalog } from '../catalog/catalog';
import type { PolicyDocument, Statement } from '../policy/model';
import { statementResources } from '../policy/model';
import { assessConditions, type ConditionAssessment } from './conditions';
import { expandStatementActions, type ExpandedActions } from './expandActions';

/** The Allow statements that really grant an action (see `PolicyFacts.netAllowed`). */
export interface NetAllowed {
  has(action: ActionInfo): boolean;
  get(action: ActionInfo): Statement[] | undefined;
}

export class PolicyFacts {
  private readonly expandedCache = new Map<Statement, ExpandedActions>();
  private readonly conditionCache = new Map<Statement, ConditionAssessment>();
  private netAllowedCache: NetAllowed | undefined;
  private deniedCache: Set<ActionInfo> | undefined;

  constructor(
    readonly policy: PolicyDocument,
    readonly catalog: IamCatalog,
    readonly now: Date,
  ) {}

  expanded(statement: Statement): ExpandedActions {
    let result = this.expandedCache.get(statement);
    if (!result) {
      result = expandStatementActions(statement, this.catalog);
      this.expandedCache.set(statement, result);
    }
    return result;
  }

  conditions(statement: Statement): ConditionAssessment {
    let result = this.conditionCache.get(statement);
    if (!result) {
      result = assessConditions(statement, this.now, this.catalog);
      this.conditionCache.set(statement, result);
    }
    return result;
  }

  /** Trimmed resource strings, and whether the statement uses NotResource. */
  resources(statement: Statement): { values: string[]; negated: boolean } {
    const res = statementResources(statement);
    return { values: res?.list.values.filter((v) => !v.dynamic).map((v) => v.value.trim()) ?? [], negated: res?.negated ?? false };
  }

  /** The statement applies to every resource: `"*"` or NotResource. */
  allResources(statement: Statement): boolean {
    const { values, negated } = this.resources(statement);
    return negated || values.includes('*');
  }

  /** A Deny that removes actions regardless of resource and request: no condition, all resources. */
  private isBlanketDeny(statement: Statement): boolean {
    return (
      statement.effect?.value === 'Deny' &&
      !statement.condition &&
      this.allResources(statement) &&
      !statement.principal &&
      !statement.notPrincipal
    );
  }

  /** Actions removed by blanket Deny statements (no condition, every resource). */
  blanketDenied(): Set<ActionInfo> {
    if (!this.deniedCache) {
      this.deniedCache = new Set();
      for (const s of this.policy.statements) {
        if (this.isBlanketDeny(s)) {
          for (const a of this.expanded(s).actions) {
            this.deniedCache.add(a);
          }
        }
      }
    }
    return this.deniedCache;
  }

  /**
   * Actions the policy allows, each with the Allow statements that grant it, after removing what
   * blanket Deny statements take away. Narrower Denies (specific resources, conditions) are kept
   * as allowed: they only limit. Answered per action on demand: an `Allow *` statement would make a
   * table of every action in the catalog.
   */
  netAllowed(): NetAllowed {
    if (!this.netAllowedCache) {
      const byAction = new Map<ActionInfo, Statement[] | undefined>();
      const allows = this.policy.statements.filter((s) => s.effect?.value === 'Allow');
      const get = (a: ActionInfo): Statement[] | undefined => {
        if (byAction.has(a)) {
          return byAction.get(a);
        }
        const list = this.blanketDenied().has(a) ? [] : allows.filter((s) => this.actionSet(s).has(a));
        const result = list.length > 0 ? list : undefined;
        byAction.set(a, result);
        return result;
      };
      this.netAllowedCache = { get, has: (a) => get(a) !== undefined };
    }
    return this.netAllowedCache;
  }

  /** The statement's actions that a blanket Deny elsewhere in the policy cancels. */
  deniedElsewhere(statement: Statement): Set<ActionInfo> {
    const denied = this.blanketDenied();
    if (denied.size === 0) {
      return new Set();
    }
    return new Set(this.expanded(statement).actions.filter((a) => denied.has(a)));
  }

  /** Whether an Allow statement really grants the action (it expands to it and no blanket Deny removes it). */
  grants(statement: Statement, action: ActionInfo): boolean {
    return statement.effect?.value === 'Allow' && !this.blanketDenied().has(action) && this.actionSet(statement).has(action);
  }

  private readonly actionSets = new Map<Statement, { has(action: ActionInfo): boolean }>();
  /** Membership in the statement's expanded actions, without a set of the whole catalog for `*` and NotAction. */
  actionSet(statement: Statement): { has(action: ActionInfo): boolean } {
    let set = this.actionSets.get(statement);
    if (!set) {
      const expanded = this.expanded(statement);
      if (expanded.negated) {
        const excluded = new Set(expanded.byPattern.flatMap((p) => p.matches));
        set = { has: (a) => !excluded.has(a) };
      } else if (expanded.all) {
        set = { has: () => true };
      } else {
        set = new Set(expanded.actions);
      }
      this.actionSets.set(statement, set);
    }
    return set;
  }
}
