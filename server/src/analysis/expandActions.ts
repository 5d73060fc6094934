/** What a statement's Action/NotAction means in concrete catalog actions. */
import type { ActionInfo, IamCatalog } from '../catalog/catalog';
import type { PolicyString, Statement } from '../policy/model';
import { statementActions } from '../policy/model';

export interface ExpandedActions {
  /** concrete actions the statement applies to (NotAction: every action not excluded) */
  actions: ActionInfo[];
  /** per written pattern, what it matched (for NotAction: what it excludes) */
  byPattern: { pattern: PolicyString; matches: ActionInfo[] }[];
  negated: boolean;
  /** `*` (or NotAction): the statement applies to every action, including ones AWS adds later */
  all: boolean;
}

/** Expands a statement's actions. Dynamic (template-computed) values match nothing. */
export function expandStatementActions(statement: Statement, catalog: IamCatalog): ExpandedActions {
  const list = statementActions(statement);
  if (!list) {
    return { actions: [], byPattern: [], negated: false, all: false };
  }
  const byPattern = list.list.values.map((pattern) => ({
    pattern,
    // IAM does not trim: "ec2:* " or " s3:GetObject" matches no action (whitespace-in-value says so)
    matches: pattern.dynamic || pattern.value !== pattern.value.trim() ? [] : catalog.matchActions(pattern.value),
  }));
  if (!list.negated) {
    const all = list.list.values.some((v) => !v.dynamic && v.value === '*');
    if (all) {
      // every action: no need to collect the matches of the other patterns
      return { actions: catalog.actions, byPattern, negated: false, all };
    }
    if (byPattern.length === 1) {
      // the catalog's own (cached, duplicate-free) list: statements with the same pattern share it
      return { actions: byPattern[0].matches, byPattern, negated: false, all };
    }
    const seen = new Set<ActionInfo>();
    for (const { matches } of byPattern) {
      for (const a of matches) {
        seen.add(a);
      }
    }
    return { actions: [...seen], byPattern, negated: false, all };
  }
  const excluded = new Set<ActionInfo>();
  for (const { matches } of byPattern) {
    for (const a of matches) {
      excluded.add(a);
    }
  }
  // the whole catalog but a few actions: built only when a caller asks (rules that can count without it do)
  let actions: ActionInfo[] | undefined;
  return {
    get actions() {
      return (actions ??= catalog.actions.filter((a) => !excluded.has(a)));
    },
    byPattern,
    negated: true,
    all: true,
  };
}

/** Expands a list of action patterns (no statement needed). */
export function expandPatterns(patterns: string[], catalog: IamCatalog): ActionInfo[] {
  const seen = new Set<ActionInfo>();
  for (const p of patterns) {
    for (const a of catalog.matchActions(p)) {
      seen.add(a);
    }
  }
  return [...seen];
}
