/**
 * The policy examples of a rule README: fenced ```json / ```jsonc blocks, with attributes on the
 * fence line (`policyType=trust`, `raw=true`), and ```yaml CloudFormation templates (rules that
 * check managed policies attached by ARN). Shared by the README tests of both languages.
 */
import type { PolicyType } from '../policy/model';

export interface Example {
  code: string;
  language: 'json' | 'jsonc' | 'yaml';
  policyType?: PolicyType;
  raw: boolean;
}

/** Every example in the text, in order. */
export function fencedExamples(text: string): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(/```(jsonc?|yaml)([^\n]*)\n([\s\S]*?)```/g)) {
    const attrs = Object.fromEntries(
      m[2]
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((a) => a.split('=') as [string, string]),
    );
    out.push({
      code: m[3],
      language: m[1] as Example['language'],
      policyType: attrs.policyType as PolicyType | undefined,
      raw: attrs.raw === 'true',
    });
  }
  return out;
}

/** The examples of one `## heading` section (none when the section is missing). */
export function sectionExamples(markdown: string, heading: string): Example[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) {
    return [];
  }
  const next = markdown.indexOf('\n## ', start + heading.length + 4);
  return fencedExamples(markdown.slice(start, next < 0 ? undefined : next));
}
