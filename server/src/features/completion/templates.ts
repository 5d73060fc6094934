/**
 * Least-privilege templates from snippets/iam-policy.code-snippets (the file VS Code also offers
 * as snippets). Each entry is a whole policy; its statements are offered on their own inside a
 * Statement array.
 */
import type { PolicyType } from '../../policy/model';
import type { StatementTemplate } from './completion';

export interface SnippetEntry {
  prefix?: string | string[];
  body: string | string[];
  description?: string;
  /** our extension of the snippet format: 'policy' entries become templates */
  iamScope?: 'policy';
  iamPolicyTypes?: PolicyType[];
}

/** The text between the lines `\t"Statement": [` and `\t]`, dedented to the statement level. */
export function statementsOfPolicyBody(lines: string[]): string | undefined {
  const start = lines.findIndex((l) => /^\t"Statement": \[$/.test(l));
  const end = lines.findIndex((l, i) => i > start && l === '\t]');
  if (start < 0 || end < 0) {
    return undefined;
  }
  return lines
    .slice(start + 1, end)
    .map((l) => l.replace(/^\t\t/, ''))
    .join('\n');
}

export function templatesFromSnippets(snippets: Record<string, SnippetEntry>): StatementTemplate[] {
  const out: StatementTemplate[] = [];
  for (const [label, entry] of Object.entries(snippets)) {
    if (entry.iamScope !== 'policy') {
      continue;
    }
    const lines = Array.isArray(entry.body) ? entry.body : entry.body.split('\n');
    const description = entry.description ?? label;
    const policyTypes = entry.iamPolicyTypes;
    const base = policyTypes ? { policyTypes } : {};
    out.push({ label, description, scope: 'policy', body: lines.join('\n'), ...base });
    const statements = statementsOfPolicyBody(lines);
    if (statements) {
      out.push({ label, description, scope: 'statement', body: statements, ...base });
    }
  }
  return out;
}
