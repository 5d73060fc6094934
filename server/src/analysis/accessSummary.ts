/**
 * The access-level summary the IAM console shows: per service, which access levels a statement
 * (or the whole policy) grants or denies, how many actions of each, on which resources and under
 * which conditions.
 */
import { accessLevelName, getLocale, localizePhrase, t } from '../i18n';
import { ACCESS_LEVELS, type AccessLevel, type ActionInfo, type IamCatalog, type ServiceInfo } from '../catalog/catalog';
import type { PolicyDocument, Statement } from '../policy/model';
import { statementResources } from '../policy/model';
import { assessConditions, describeConditionKey } from './conditions';
import { expandStatementActions } from './expandActions';

export type LevelCounts = Record<AccessLevel, number>;

export interface ServiceAccess {
  service: ServiceInfo;
  /** granted (or denied) actions per level */
  levels: LevelCounts;
  /** the service's action count per level, to tell "Full" from "Limited" */
  totals: LevelCounts;
  actions: ActionInfo[];
  full: boolean;
}

export type ResourceScope =
  | { kind: 'all' }
  | { kind: 'specific'; resources: string[]; description: string }
  | { kind: 'allExcept'; resources: string[] }
  | { kind: 'none' };

export interface StatementAccess {
  statement: Statement;
  effect: 'Allow' | 'Deny' | undefined;
  services: ServiceAccess[];
  actionCount: number;
  negatedActions: boolean;
  resources: ResourceScope;
  /** phrases such as "MFA required"; empty when unconditional */
  conditions: string[];
  /** the statement can never apply (e.g. a condition on a past date) */
  neverApplies: boolean;
}

export function emptyCounts(): LevelCounts {
  return { List: 0, Read: 0, Write: 0, 'Permissions management': 0, Tagging: 0 };
}

function countLevels(actions: ActionInfo[]): LevelCounts {
  const counts = emptyCounts();
  for (const a of actions) {
    counts[a.level]++;
  }
  return counts;
}

const totalsCache = new WeakMap<ServiceInfo, LevelCounts>();
function serviceTotals(service: ServiceInfo): LevelCounts {
  let totals = totalsCache.get(service);
  if (!totals) {
    totals = countLevels(service.actions);
    totalsCache.set(service, totals);
  }
  return totals;
}

export function groupByService(actions: ActionInfo[]): ServiceAccess[] {
  const byService = new Map<ServiceInfo, ActionInfo[]>();
  for (const a of actions) {
    let list = byService.get(a.service);
    if (!list) {
      list = [];
      byService.set(a.service, list);
    }
    list.push(a);
  }
  return [...byService.entries()]
    .map(([service, list]) => ({
      service,
      levels: countLevels(list),
      totals: serviceTotals(service),
      actions: list,
      full: list.length === service.actions.length,
    }))
    .sort((a, b) => (a.service.prefix < b.service.prefix ? -1 : 1));
}

/** "2 buckets, 1 object" from the ARNs and the resource types of the granted services. */
export function describeResources(catalog: IamCatalog, resources: string[], services: ServiceInfo[]): string {
  const counts = new Map<string, number>();
  let other = 0;
  const wanted = new Set(services);
  for (const r of resources) {
    const rt = catalog.resourceTypesMatching(r).find((x) => wanted.has(x.service));
    const type = rt ? (/[*?]/.test(r) ? t('resources.pattern', { type: rt.name }) : rt.name) : undefined;
    if (type) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
    } else {
      other++;
    }
  }
  // resource type names come from the IAM catalog (English); only English pluralises them
  const parts = [...counts.entries()].map(([type, n]) =>
    t('resources.count', { count: n, type: n > 1 && !type.endsWith('s') && getLocale() === 'en' ? `${type}s` : type }),
  );
  if (other > 0) {
    parts.push(t(parts.length ? 'resources.moreArnPatterns' : 'resources.arnPatterns', { count: other }));
  }
  return parts.join(', ');
}

export function statementAccess(statement: Statement, catalog: IamCatalog, now: Date = new Date()): StatementAccess {
  const expanded = expandStatementActions(statement, catalog);
  const services = groupByService(expanded.actions);
  const effect = statement.effect?.value === 'Allow' || statement.effect?.value === 'Deny' ? statement.effect.value : undefined;
  const res = statementResources(statement);
  let resources: ResourceScope;
  if (!res) {
    resources = { kind: 'none' };
  } else {
    const values = res.list.values.map((v) => v.value.trim());
    if (res.negated) {
      resources = { kind: 'allExcept', resources: values };
    } else if (values.includes('*')) {
      resources = { kind: 'all' };
    } else {
      resources = {
        kind: 'specific',
        resources: values,
        description: describeResources(
          catalog,
          values,
          services.map((s) => s.service),
        ),
      };
    }
  }
  const assessment = assessConditions(statement, now, catalog);
  const conditions: string[] = [];
  // a statement that never applies has no limits to list (a misspelled key is not a condition)
  for (const clause of assessment.neverTrue.length > 0 ? [] : (statement.condition?.clauses ?? [])) {
    for (const entry of clause.entries) {
      conditions.push(
        localizePhrase(
          describeConditionKey(
            entry.key,
            clause.operator,
            entry.values.map((v) => v.value),
          ),
        ),
      );
    }
  }
  return {
    statement,
    effect,
    services,
    actionCount: expanded.actions.length,
    negatedActions: expanded.negated,
    resources,
    conditions: [...new Set(conditions)],
    neverApplies: assessment.neverTrue.length > 0,
  };
}

export interface PolicyServiceAccess {
  service: ServiceInfo;
  allowed: LevelCounts;
  denied: LevelCounts;
  totals: LevelCounts;
  /** statements that contribute, for resources and conditions */
  statements: StatementAccess[];
}

export interface PolicyAccess {
  statements: StatementAccess[];
  services: PolicyServiceAccess[];
}

/** Whole-policy summary: per service, the union of allowed and of denied actions by level. */
export function policyAccess(policy: PolicyDocument, catalog: IamCatalog, now: Date = new Date()): PolicyAccess {
  const statements = policy.statements.map((s) => statementAccess(s, catalog, now));
  const byService = new Map<ServiceInfo, { allowed: Set<ActionInfo>; denied: Set<ActionInfo>; statements: StatementAccess[] }>();
  for (const sa of statements) {
    for (const svc of sa.services) {
      let entry = byService.get(svc.service);
      if (!entry) {
        entry = { allowed: new Set(), denied: new Set(), statements: [] };
        byService.set(svc.service, entry);
      }
      const target = sa.effect === 'Deny' ? entry.denied : sa.effect === 'Allow' ? entry.allowed : undefined;
      for (const a of svc.actions) {
        target?.add(a);
      }
      entry.statements.push(sa);
    }
  }
  const services = [...byService.entries()]
    .map(([service, e]) => ({
      service,
      allowed: countLevels([...e.allowed]),
      denied: countLevels([...e.denied]),
      totals: serviceTotals(service),
      statements: e.statements,
    }))
    .sort((a, b) => (a.service.prefix < b.service.prefix ? -1 : 1));
  return { statements, services };
}

/** "List 2, Read 3" (only non-zero levels); "Full: List, Read, Write" when every action of those levels. */
export function formatLevels(levels: LevelCounts, totals?: LevelCounts): string {
  const parts: string[] = [];
  for (const level of ACCESS_LEVELS) {
    const n = levels[level];
    if (n > 0) {
      parts.push(
        t(totals && n === totals[level] && n > 1 ? 'summary.levelAll' : 'summary.level', { level: accessLevelName(level), count: n }),
      );
    }
  }
  return parts.join(', ');
}

/** One line per statement, as shown in the CodeLens. */
export function formatStatementLine(sa: StatementAccess, maxServices = 3): string {
  const effect = sa.effect ? t(sa.effect === 'Allow' ? 'effect.Allow' : 'effect.Deny') : t('summary.noEffect');
  if (sa.actionCount === 0) {
    return t('summary.noKnownActions', { effect });
  }
  const services = sa.services.slice(0, maxServices).map((s) => {
    if (s.full) {
      return t('summary.serviceAll', { service: s.service.prefix, count: s.actions.length });
    }
    return `${s.service.prefix}: ${formatLevels(s.levels)}`;
  });
  if (sa.services.length > maxServices) {
    services.push(t('summary.moreServices', { count: sa.services.length - maxServices }));
  }
  const head = sa.negatedActions ? t('summary.allExcept', { effect, count: sa.services.length }) : `${effect} · ${services.join(' · ')}`;
  const resources =
    sa.resources.kind === 'all'
      ? t('summary.allResources')
      : sa.resources.kind === 'allExcept'
        ? t('summary.allResourcesExcept', { count: sa.resources.resources.length })
        : sa.resources.kind === 'specific'
          ? sa.resources.description || t('summary.resources', { count: sa.resources.resources.length })
          : '';
  const parts = [head];
  if (resources) {
    parts.push(resources);
  }
  if (sa.conditions.length > 0) {
    parts.push(sa.conditions.slice(0, 2).join(', ') + (sa.conditions.length > 2 ? ` +${sa.conditions.length - 2}` : ''));
  }
  if (sa.neverApplies) {
    parts.push(t('summary.neverApplies'));
  }
  return parts.join(' · ');
}
