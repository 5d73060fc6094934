/**
 * What a change adds and removes, per policy of a file (policies of a template paired by their
 * place), grouped by service and access level; and how the editor shows it: the lens on a changed
 * policy ("vs HEAD: +3 Write (s3), +1 resource") and the localized Markdown view of the diff.
 */
import { compareAccess, standalone, type AccessDiff, type AccessEntry } from '../../analysis/evaluate';
import { ACCESS_LEVELS, type IamCatalog } from '../../catalog/catalog';
import { t, type MessageId } from '../../i18n';
import { code, md, table } from '../markdown';
import type { LoadedPolicy } from './simulate';

export interface FileDiff {
  file: string;
  policy: string;
  status: 'changed' | 'added' | 'removed';
  diff: AccessDiff;
}

/** Pairs the policies of two versions of a file by their place, and compares each pair. */
export function diffPolicies(file: string, before: LoadedPolicy[], after: LoadedPolicy[], catalog: IamCatalog): FileDiff[] {
  const out: FileDiff[] = [];
  const beforeBy = new Map(before.map((p) => [p.location, p]));
  const afterBy = new Map(after.map((p) => [p.location, p]));
  for (const location of new Set([...beforeBy.keys(), ...afterBy.keys()])) {
    const b = beforeBy.get(location);
    const a = afterBy.get(location);
    const diff = compareAccess(b ? standalone(b.document, b.name) : [], a ? standalone(a.document, a.name) : [], catalog);
    out.push({ file, policy: location, status: !b ? 'added' : !a ? 'removed' : 'changed', diff });
  }
  return out;
}

export interface Group {
  service: string;
  level: string;
  actions: string[];
  /** actions sharing the same resources: "PutObject, DeleteObject on a, b" */
  parts: { actions: string[]; resources: string[] }[];
}

/** Entries grouped by service and access level (in the catalog's level order), actions by shared resources. */
export function groups(entries: AccessEntry[]): Group[] {
  const by = new Map<string, { service: string; level: string; resourcesOf: Map<string, string[]> }>();
  for (const e of entries) {
    const key = `${e.service}\u0000${e.accessLevel}`;
    const g = by.get(key) ?? { service: e.service, level: e.accessLevel, resourcesOf: new Map<string, string[]>() };
    const name = e.action.slice(e.action.indexOf(':') + 1);
    const resources = g.resourcesOf.get(name) ?? [];
    if (!resources.includes(e.resource)) {
      resources.push(e.resource);
    }
    g.resourcesOf.set(name, resources);
    by.set(key, g);
  }
  const levelRank = (level: string) => (ACCESS_LEVELS as readonly string[]).indexOf(level) >>> 0;
  const sorted = [...by.values()].sort((a, b) => a.service.localeCompare(b.service) || levelRank(a.level) - levelRank(b.level));
  return sorted.map((g) => {
    const parts = new Map<string, { actions: string[]; resources: string[] }>();
    for (const [action, resources] of g.resourcesOf) {
      const key = [...resources].sort().join('\u0000');
      const part = parts.get(key) ?? { actions: [], resources: [...resources].sort() };
      part.actions.push(action);
      parts.set(key, part);
    }
    return { service: g.service, level: g.level, actions: [...g.resourcesOf.keys()], parts: [...parts.values()] };
  });
}

export function principalsAdded(entries: AccessEntry[]): string[] {
  return [...new Set(entries.filter((e) => e.kind === 'principal' && e.principal).map((e) => e.principal as string))];
}

const levelName = (level: string) => (level === 'Unknown' ? level : t(`accessLevel.${level}` as MessageId));

/** Parts of a lens title beyond this many are left off ("…"). */
const MAX_LENS_PARTS = 4;

/** The lens title of one policy's change: "vs HEAD: +3 Write (s3), −1 Read (s3), +1 resource". */
export function diffLensTitle(d: AccessDiff, base: string): string {
  const parts: string[] = [];
  for (const [sign, entries] of [
    ['+', d.added],
    ['−', d.removed],
  ] as const) {
    for (const g of groups(entries)) {
      parts.push(t('access.diff.part.actions', { sign, count: g.actions.length, level: levelName(g.level), service: g.service }));
    }
  }
  if (d.newResources.length) {
    parts.push(t('access.diff.part.resources', { count: d.newResources.length }));
  }
  const principals = new Set([...d.newPrincipals, ...principalsAdded(d.added)]);
  if (principals.size) {
    parts.push(t('access.diff.part.principals', { count: principals.size }));
  }
  if (parts.length === 0) {
    return t('access.diff.lensNoChange', { base });
  }
  const shown = parts.length > MAX_LENS_PARTS ? [...parts.slice(0, MAX_LENS_PARTS), '…'] : parts;
  return t('access.diff.lens', { base, parts: shown.join(', ') });
}

const list = (xs: string[], max = 8) => (xs.length > max ? `${xs.slice(0, max).join(', ')}, … (+${xs.length - max})` : xs.join(', '));

/** The Markdown view of a file's access diff. */
export function renderDiffMarkdown(file: string, base: string, diffs: FileDiff[]): string {
  const lines: string[] = [`# ${md(t('access.diff.title', { file, base }))}`, ''];
  const changed = diffs.filter((d) => d.diff.added.length || d.diff.removed.length || d.diff.newResources.length);
  if (changed.length === 0) {
    lines.push(t('access.diff.noChange'));
    return `${lines.join('\n')}\n`;
  }
  for (const d of changed) {
    if (d.policy) {
      lines.push(`## ${md(t('access.diff.policyAt', { location: d.policy }))}`, '');
    }
    for (const [heading, sign, entries] of [
      [t('access.diff.added'), '+', d.diff.added],
      [t('access.diff.removed'), '−', d.diff.removed],
    ] as const) {
      if (entries.length === 0) {
        continue;
      }
      lines.push(`### ${sign} ${heading}`, '');
      lines.push(
        table(
          [t('access.diff.col.service'), t('access.diff.col.level'), t('access.diff.col.actions'), t('access.diff.col.resources')],
          groups(entries).flatMap((g) =>
            g.parts.map((p) => [code(g.service), levelName(g.level), list(p.actions), list(p.resources.map(code), 3)]),
          ),
        ),
        '',
      );
    }
    if (d.diff.newResources.length) {
      lines.push(`### ${t('access.diff.newResources')}`, '', ...d.diff.newResources.map((r) => `- ${code(r)}`), '');
    }
    const principals = [...new Set([...d.diff.newPrincipals, ...principalsAdded(d.diff.added)])];
    if (principals.length) {
      lines.push(`### ${t('access.diff.newPrincipals')}`, '', ...principals.map((p) => `- ${code(p)}`), '');
    }
    const loosened = [
      ...new Set(
        d.diff.added
          .filter((e) => e.kind === 'condition')
          .map((e) =>
            t('access.diff.loosenedLine', {
              action: e.action,
              resource: e.resource,
              context: e.context
                ? Object.entries(e.context)
                    .map(([k, v]) => `${k}=${v.join('|')}`)
                    .join(', ')
                : t('access.diff.noContext'),
            }),
          ),
      ),
    ];
    if (loosened.length) {
      lines.push(`### ${t('access.diff.loosened')}`, '', ...loosened.map((l) => `- ${md(l)}`), '');
    }
  }
  return `${lines.join('\n')}\n`;
}
