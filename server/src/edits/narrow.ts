/**
 * Narrowing an action wildcard to explicit actions. Every option is a subset of what the wildcard
 * matches, so a narrowing fix can only take access away, never add it.
 */
import { accessLevelName, t } from '../i18n';
import type { ActionInfo, IamCatalog } from '../catalog/catalog';
import type { PolicyFile } from '../policy/policyFile';

export interface NarrowingOption {
  title: string;
  actions: string[];
  /** the actions the file already uses elsewhere: the narrowest choice grounded in the file */
  usedElsewhere?: boolean;
}

function sorted(actions: ActionInfo[]): string[] {
  return [...new Set(actions.map((a) => a.fullName))].sort();
}

/** Explicit actions (no wildcard) written anywhere in the file, outside the given entry. */
export function actionsUsedElsewhere(catalog: IamCatalog, file: PolicyFile, exceptOffset: number): ActionInfo[] {
  const out: ActionInfo[] = [];
  for (const { policy } of file.policies) {
    for (const s of policy.statements) {
      for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
        if (v.node.offset === exceptOffset || /[*?]/.test(v.value)) {
          continue;
        }
        const a = catalog.action(v.value.trim());
        if (a) {
          out.push(a);
        }
      }
    }
  }
  return out;
}

/**
 * The actions that can act on one of the statement's resources: all of them when a resource is
 * "*" or not known (absent, a variable); else those whose resource types the resources name (an
 * S3 object ARN names objects, so bucket actions do not fit it). An action that fits none grants
 * nothing on these resources, so leaving it out of a list changes no access.
 */
export function fittingActions(catalog: IamCatalog, actions: ActionInfo[], resources: string[] | undefined): ActionInfo[] {
  const written = (resources ?? []).map((r) => r.trim());
  if (written.length === 0 || written.some((r) => r === '*' || r.includes('${'))) {
    return actions;
  }
  const named = new Set(written.flatMap((r) => catalog.resourceTypesMatching(r)));
  return actions.filter((a) => catalog.resourceTypesOf(a).some((type) => named.has(type)));
}

/**
 * The narrowing options of a wildcard: by access level within what it matches, and the actions
 * of the same service(s) that the file uses elsewhere. With the statement's resources, only the
 * actions that fit them are offered (when some do): a list of actions the resources cannot name
 * would only add resource-type-mismatch findings.
 */
export function narrowingOptions(
  catalog: IamCatalog,
  file: PolicyFile,
  pattern: string,
  offset: number,
  resources?: string[],
): NarrowingOption[] {
  const all = catalog.matchActions(pattern);
  if (all.length === 0) {
    return [];
  }
  const fitting = fittingActions(catalog, all, resources);
  const matches = fitting.length > 0 ? fitting : all;
  const services = [...new Set(matches.map((a) => a.service.prefix))];
  const scope = pattern === '*' ? t('narrow.allServices') : services.length === 1 ? services[0] : `${pattern}`;
  const options: NarrowingOption[] = [];
  const add = (title: string, actions: ActionInfo[], usedElsewhere = false) => {
    const list = sorted(actions);
    if (list.length > 0 && list.length < all.length && !options.some((o) => o.actions.join() === list.join())) {
      options.push({
        title: t('narrow.option', { title, count: list.length }),
        actions: list,
        ...(usedElsewhere ? { usedElsewhere } : {}),
      });
    }
  };
  const inMatches = new Set(matches);
  const elsewhere = actionsUsedElsewhere(catalog, file, offset).filter((a) => inMatches.has(a));
  if (pattern === '*') {
    add(t('narrow.usedElsewhere'), elsewhere, true);
    const usedServices = new Set(elsewhere.map((a) => a.service));
    add(
      t('narrow.listReadElsewhere'),
      matches.filter((a) => usedServices.has(a.service) && (a.level === 'List' || a.level === 'Read')),
    );
    return options;
  }
  add(
    t('narrow.levels', { levels: `${accessLevelName('List')} + ${accessLevelName('Read')}`, scope }),
    matches.filter((a) => a.level === 'List' || a.level === 'Read'),
  );
  add(
    t('narrow.levels', { levels: accessLevelName('Read'), scope }),
    matches.filter((a) => a.level === 'Read'),
  );
  add(
    t('narrow.levels', { levels: accessLevelName('Write'), scope }),
    matches.filter((a) => a.level === 'Write'),
  );
  add(t('narrow.scopeUsedElsewhere', { scope }), elsewhere, true);
  return options;
}

/**
 * Wildcards that stand for a group of the listed actions exactly: every action the wildcard
 * matches is in the list, so collapsing grants nothing new (today: a later catalog may add
 * actions under the same prefix, which the refactor's title says). Candidates are the
 * CamelCase-word prefixes of each action (`s3:Get*`, `s3:GetObject*`, ...); the widest that
 * qualifies wins, and groups inside a chosen one are dropped.
 */
export function collapsibleWildcards(catalog: IamCatalog, actions: string[]): { wildcard: string; covered: string[] }[] {
  const present = new Set(actions.map((a) => catalog.action(a)).filter((a): a is ActionInfo => !!a));
  const candidates = new Map<string, ActionInfo[]>();
  for (const a of present) {
    const words = a.name.match(/[A-Z0-9]+[a-z0-9]*/g) ?? [];
    let prefix = '';
    for (const w of words.slice(0, -1)) {
      prefix += w;
      const wildcard = `${a.service.prefix}:${prefix}*`;
      if (candidates.has(wildcard)) {
        continue;
      }
      const matches = catalog.matchActions(wildcard);
      candidates.set(wildcard, matches.length >= 2 && matches.every((m) => present.has(m)) ? matches : []);
    }
  }
  const qualifying = [...candidates].filter(([, m]) => m.length > 0).sort((x, y) => y[1].length - x[1].length);
  const out: { wildcard: string; covered: string[] }[] = [];
  const taken = new Set<ActionInfo>();
  for (const [wildcard, matches] of qualifying) {
    if (matches.some((m) => taken.has(m))) {
      continue;
    }
    matches.forEach((m) => taken.add(m));
    out.push({ wildcard, covered: matches.map((m) => m.fullName) });
  }
  return out;
}
