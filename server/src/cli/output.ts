/** iam-policy-lint's reports: compiler-style text, JSON or SARIF, with control characters escaped. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { t as tr } from '../i18n';
import { packageRoot, packageVersion, ruleDocsUrl } from '../node/files';
import { SEVERITY_NAME, type Options } from './args';
import { escapeControl, escapeJson } from './escape';
import { toSarif, type FileResult } from './sarif';

/** What the report needs of a file: kept small, since a run may cover tens of thousands. */
export interface Linted {
  display: string;
  policies: { path: string; policyType: string }[];
  diagnostics: Diagnostic[];
  fixed: number;
}

export const paint = (on: boolean) => (code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * A rule's documentation: the page in the package's repository when package.json names one
 * (for SARIF viewed on GitHub), else the copy shipped in the package (dist/rules/<id>.md). The
 * English page, whatever the display language: SARIF is read by tools and shared across teams.
 */
export function ruleHelpUri(ruleId: string): string | undefined {
  const repo = repositoryUrl();
  return repo ? `${repo}/blob/v${packageVersion()}/server/src/rules/${ruleId}/README.md` : ruleDocsUrl(ruleId, 'en');
}

/** The rule's documentation shipped in the package, as Markdown. */
function ruleMarkdown(ruleId: string): string | undefined {
  const url = ruleDocsUrl(ruleId);
  try {
    return url ? fs.readFileSync(fileURLToPath(url), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

let repository: string | undefined | null = null;
function repositoryUrl(): string | undefined {
  if (repository === null) {
    repository = readRepository();
  }
  return repository;
}

function readRepository(): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const m = url ? /github\.com[/:]([^/]+\/[^/.#]+)/.exec(url) : null;
    return m ? `https://github.com/${m[1]}` : undefined;
  } catch {
    return undefined;
  }
}

/** The report; `inputErrors` (files not checked) keeps the text summary from claiming "no problems". */
export function render(results: Linted[], options: Options, color: (code: string, text: string) => string, inputErrors = 0): string {
  if (options.format === 'sarif') {
    const files: FileResult[] = results.map((r) => ({ path: r.display, diagnostics: r.diagnostics }));
    return `${escapeJson(JSON.stringify(toSarif(files, packageVersion(), { uri: ruleHelpUri, markdown: ruleMarkdown, informationUri: repositoryUrl() }), null, 2))}\n`;
  }
  if (options.format === 'json') {
    return `${escapeJson(
      JSON.stringify(
        results.map((r) => ({
          file: r.display,
          policies: r.policies,
          ...(r.fixed ? { fixed: r.fixed } : {}),
          diagnostics: r.diagnostics.map((d) => ({
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            severity: SEVERITY_NAME[d.severity ?? 2],
            ruleId: String(d.code),
            message: d.message,
            source: d.source,
            ...(d.codeDescription ? { docs: d.codeDescription.href } : {}),
          })),
        })),
        null,
        2,
      ),
    )}\n`;
  }
  const lines: string[] = [];
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<number, number>;
  const colorOf: Record<number, string> = { 1: '31', 2: '33', 3: '36', 4: '90' };
  let filesWithProblems = 0;
  for (const r of results) {
    const sorted = [...r.diagnostics].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    if (sorted.length > 0) {
      filesWithProblems++;
    }
    for (const d of sorted) {
      const severity = d.severity ?? 2;
      counts[severity]++;
      lines.push(
        `${color('1', `${escapeControl(r.display)}:${d.range.start.line + 1}:${d.range.start.character + 1}`)} ${color(colorOf[severity], tr(`severity.${SEVERITY_NAME[severity]}` as 'severity.error'))} ${color('2', escapeControl(String(d.code)))} ${escapeControl(typeof d.message === 'string' ? d.message : d.message.value)}`,
      );
    }
    if (r.fixed) {
      lines.push(`${color('1', escapeControl(r.display))}: ${color('32', tr('cli.fixed', { count: r.fixed }))}`);
    }
  }
  const total = counts[1] + counts[2] + counts[3] + counts[4];
  const policies = results.reduce((n, r) => n + r.policies.length, 0);
  if (total === 0 && inputErrors > 0) {
    // some input was not checked (its messages follow on stderr): no "no problems" claim
    if (results.length > 0) {
      lines.push(tr('cli.noProblemsChecked', { files: results.length, policies, inputErrors }));
    }
  } else if (total === 0) {
    lines.push(color('32', tr('cli.noProblems', { files: results.length, policies })));
  } else {
    const parts = [tr('cli.errors', { count: counts[1] }), tr('cli.warnings', { count: counts[2] })];
    if (counts[3] + counts[4] > 0) {
      parts.push(tr('cli.infos', { count: counts[3] + counts[4] }));
    }
    lines.push(
      color(
        counts[1] ? '31' : '33',
        tr('cli.problems', {
          total,
          parts: parts.join(tr('cli.listSeparator')),
          withProblems: filesWithProblems,
          files: results.length,
          policies,
        }),
      ),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
