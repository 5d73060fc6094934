/**
 * Facts about a policy that many rules need (expanded actions, condition assessments, what the
 * policy allows after its Deny statements), computed once per validation and shared.
 */
import type { ActionInfo, IamCatalog } from '../catalog/catalog';
import type { PolicyDocument, Statement } from '../policy/model';
import { statementResources } from '../policy/model';
import { assessConditions, type ConditionAssessment } from './conditions';
import { expandStatementActions, type ExpandedActions } from './expandActions';

export class PolicyFacts {
  private readonly expandedCache = new Map<Statement, ExpandedActions>();
  private readonly conditionCache = new Map<Statement, ConditionAssessment>();
  private netAllowedCache: Map<ActionInfo, Statement[]> | undefined;
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
      result = assessConditions(statement, this.now);
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
    return statement.effect?.value === 'Deny' && !statement.condition && this.allResources(statement) && !statement.principal && !statement.notPrincipal;
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
   * as allowed: they only limit.
   */
  netAllowed(): Map<ActionInfo, Statement[]> {
    if (this.netAllowedCache) {
      return this.netAllowedCache;
    }
    const denied = this.blanketDenied();
    // statements with the same expansion (250 statements of "*" share the catalog's list) are
    // walked once, so the cost grows with distinct action lists, not statements x actions
    const groups = new Map<readonly ActionInfo[], Statement[]>();
    for (const s of this.policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      const actions = this.expanded(s).actions;
      const group = groups.get(actions);
      if (group) {
        group.push(s);
      } else {
        groups.set(actions, [s]);
      }
    }
    const allowed = new Map<ActionInfo, Statement[]>();
    // lists shared between actions of one group until a second group adds to them
    const shared = new Set<Statement[]>();
    for (const [actions, statements] of groups) {
      shared.add(statements);
      for (const a of actions) {
        if (denied.has(a)) {
          continue;
        }
        const list = allowed.get(a);
        if (!list) {
          allowed.set(a, statements);
        } else if (shared.has(list)) {
          allowed.set(a, [...list, ...statements]);
        } else {
          list.push(...statements);
        }
      }
    }
    this.netAllowedCache = allowed;
    return allowed;
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

  private readonly actionSets = new Map<Statement, Set<ActionInfo>>();
  actionSet(statement: Statement): Set<ActionInfo> {
    let set = this.actionSets.get(statement);
    if (!set) {
      set = new Set(this.expanded(statement).actions);
      this.actionSets.set(statement, set);
    }
    return set;
  }
}
