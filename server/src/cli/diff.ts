/**
 * `iam-policy-lint diff OLD NEW` and `iam-policy-lint diff --base <git-ref> [paths]`: the access a
 * change adds and removes (the offline counterpart of Access Analyzer's CheckNoNewAccess), grouped
 * by service and access level, with new resources, principals and loosened conditions. Policies in
 * templates are paired by their place in the template.
 */
import { accessLevelName, t } from '../i18n';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AccessEntry } from '../analysis/evaluate';
import { diffPolicies, groups, principalsAdded, type FileDiff, type Group } from '../features/access/accessDiff';
import { languageOf } from './files';
import { loadRunCatalog } from './catalog';
import { relativeTo, resolveIn, type CliIo } from './io';
import { InputError, parseFlags, policiesInText, prepareFor } from './policyInput';

/** The help of `diff`, in the current locale. */
export const diffUsage = (): string => t('diff.usage');

export { diffPolicies, type FileDiff };

type Env = CliIo['env'];

function git(args: string[], cwd: string, env: Env): string {
  try {
    return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new InputError(`git ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** Files changed since the ref (tracked changes and new untracked files), relative to the repository root. */
function changedFiles(ref: string, paths: string[], cwd: string, env: Env): { root: string; files: string[] } {
  const root = git(['rev-parse', '--show-toplevel'], cwd, env).trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd, env);
  const spec = paths.length ? ['--', ...paths.map((p) => path.relative(root, path.resolve(cwd, p)) || '.')] : [];
  const tracked = git(['diff', '--name-only', '--no-renames', ref, ...spec], root, env).split('\n');
  const untracked = git(['ls-files', '--others', '--exclude-standard', ...spec], root, env).split('\n');
  const files = [...new Set([...tracked, ...untracked].filter((f) => f && languageOf(f)))].sort();
  return { root, files };
}

function showAt(ref: string, file: string, root: string, env: Env): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${file}`], {
      cwd: root,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined; // not in the ref: a new file
  }
}

// ---- rendering -----------------------------------------------------------------------------

const describeGroup = (g: Group) =>
  g.parts.map((p) => t('diff.on', { actions: list(p.actions), resources: list(p.resources, 3) })).join('; ');

const list = (xs: string[], max = 8) =>
  xs.length > max ? t('diff.andMore', { items: xs.slice(0, max).join(', '), count: xs.length - max }) : xs.join(', ');

function loosened(entries: AccessEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries.filter((x) => x.kind === 'condition')) {
    const ctx = e.context
      ? Object.entries(e.context)
          .map(([k, v]) => `${k}=${v.join('|')}`)
          .join(', ')
      : t('diff.noContextKeys');
    const line = t('diff.loosenedLine', { action: e.action, resource: e.resource, context: ctx });
    if (!out.includes(line)) {
      out.push(line);
    }
  }
  return out;
}

export function renderText(diffs: FileDiff[]): string {
  const lines: string[] = [];
  let added = 0;
  let removed = 0;
  for (const d of diffs) {
    if (!d.diff.added.length && !d.diff.removed.length) {
      continue;
    }
    lines.push(`${d.file}${d.policy ? ` (${d.policy})` : ''}${d.status === 'changed' ? '' : ` [${t(`diff.status.${d.status}`)}]`}`);
    for (const [sign, entries] of [
      ['+', d.diff.added],
      ['-', d.diff.removed],
    ] as const) {
      for (const g of groups(entries)) {
        lines.push(`  ${sign} ${g.service} ${accessLevelName(g.level)} (${g.actions.length}): ${describeGroup(g)}`);
      }
    }
    if (d.diff.newResources.length) {
      lines.push(t('diff.newResources', { list: list(d.diff.newResources) }));
    }
    const principals = principalsAdded(d.diff.added);
    if (d.diff.newPrincipals.length || principals.length) {
      lines.push(t('diff.newPrincipals', { list: list([...new Set([...d.diff.newPrincipals, ...principals])]) }));
    }
    for (const l of loosened(d.diff.added)) {
      lines.push(t('diff.loosened', { text: l }));
    }
    added += d.diff.added.length;
    removed += d.diff.removed.length;
  }
  const changed = diffs.filter((d) => d.diff.added.length || d.diff.removed.length).length;
  lines.push(added || removed ? t('diff.summary', { added, removed, changed }) : t('diff.noChange', { count: diffs.length }));
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(diffs: FileDiff[]): string {
  const lines: string[] = [t('diff.md.title'), ''];
  const changed = diffs.filter((d) => d.diff.added.length || d.diff.removed.length);
  if (changed.length === 0) {
    lines.push(t('diff.md.noChange', { count: diffs.length }));
    return `${lines.join('\n')}\n`;
  }
  for (const d of changed) {
    lines.push(
      `### \`${d.file}\`${d.policy ? ` \`${d.policy}\`` : ''}${d.status === 'changed' ? '' : ` (${t(`diff.status.${d.status}`)})`}`,
      '',
    );
    lines.push(t('diff.md.header'), '|---|---|---|---|---|');
    for (const [sign, entries] of [
      ['➕', d.diff.added],
      ['➖', d.diff.removed],
    ] as const) {
      for (const g of groups(entries)) {
        lines.push(
          ...g.parts.map(
            (p) =>
              `| ${sign} | ${g.service} | ${accessLevelName(g.level)} | ${list(p.actions).replace(/\|/g, '\\|')} | ${list(p.resources, 3).replace(/\|/g, '\\|')} |`,
          ),
        );
      }
    }
    lines.push('');
    if (d.diff.newResources.length) {
      lines.push(`${t('diff.md.newResources')} ${d.diff.newResources.map((r) => `\`${r}\``).join(', ')}`, '');
    }
    const principals = [...new Set([...d.diff.newPrincipals, ...principalsAdded(d.diff.added)])];
    if (principals.length) {
      lines.push(`${t('diff.md.newPrincipals')} ${principals.map((r) => `\`${r}\``).join(', ')}`, '');
    }
    const l = loosened(d.diff.added);
    if (l.length) {
      lines.push(t('diff.md.loosened'), ...l.map((x) => `- ${x}`), '');
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderJson(diffs: FileDiff[]): string {
  const tag = (d: FileDiff) => (e: AccessEntry) => ({ file: d.file, ...(d.policy ? { policy: d.policy } : {}), ...e });
  return `${JSON.stringify(
    {
      added: diffs.flatMap((d) => d.diff.added.map(tag(d))),
      removed: diffs.flatMap((d) => d.diff.removed.map(tag(d))),
      newResources: diffs.flatMap((d) =>
        d.diff.newResources.map((resource) => ({ file: d.file, ...(d.policy ? { policy: d.policy } : {}), resource })),
      ),
      newPrincipals: diffs.flatMap((d) =>
        d.diff.newPrincipals.map((principal) => ({ file: d.file, ...(d.policy ? { policy: d.policy } : {}), principal })),
      ),
    },
    null,
    2,
  )}\n`;
}

export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  const { flags, operands } = parseFlags(argv, { base: 'value', format: 'value', 'fail-on-new-access': 'flag', help: 'flag', h: 'flag' });
  if (flags.help || flags.h) {
    io.stdout.write(diffUsage());
    return 0;
  }
  const format = (flags.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format)) {
    throw new InputError(t('access.badFormat3', { value: format }));
  }
  const catalog = loadRunCatalog(io);
  const diffs: FileDiff[] = [];
  const base = flags.base as string | undefined;
  if (base) {
    const { root, files } = changedFiles(base, operands, io.cwd, io.env);
    await prepareFor(files);
    for (const file of files) {
      const abs = path.join(root, file);
      const display = relativeTo(io, abs) || file;
      const oldText = showAt(base, file, root, io.env);
      const newText = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
      const before = oldText === undefined ? [] : policiesInText(oldText, abs, io, display);
      const after = newText === undefined ? [] : policiesInText(newText, abs, io, display);
      if (before.length || after.length) {
        diffs.push(...diffPolicies(display, before, after, catalog));
      }
    }
  } else {
    if (operands.length !== 2) {
      throw new InputError(t('diff.needsFiles'));
    }
    const [oldFile, newFile] = operands;
    await prepareFor(operands);
    const read = (f: string) => {
      try {
        return fs.readFileSync(resolveIn(io, f), 'utf8');
      } catch (err) {
        throw new InputError(`${f}: ${t('cli.cannotRead', { error: (err as NodeJS.ErrnoException).code ?? String(err) })}`);
      }
    };
    const before = policiesInText(read(oldFile), oldFile, io);
    const after = policiesInText(read(newFile), newFile, io);
    for (const [f, ps] of [
      [oldFile, before],
      [newFile, after],
    ] as const) {
      if (ps.length === 0) {
        throw new InputError(`${f}: ${t('cli.notPolicy')}`);
      }
    }
    // two single policies compare directly; templates pair by place
    if (before.length === 1 && after.length === 1) {
      before[0].location = after[0].location;
    }
    diffs.push(...diffPolicies(newFile, before, after, catalog));
  }
  io.stdout.write(format === 'json' ? renderJson(diffs) : format === 'markdown' ? renderMarkdown(diffs) : renderText(diffs));
  const anyAdded = diffs.some((d) => d.diff.added.length > 0);
  return flags['fail-on-new-access'] && anyAdded ? 1 : 0;
}
