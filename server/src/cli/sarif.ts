/**
 * SARIF 2.1.0 for GitHub code scanning: one run, our rules as the driver's rules (with their
 * documentation as help links and help text), one result per finding with a 1-based region.
 */
import { ruleDescription, t, type MessageId } from '../i18n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ALL_RULES as RULES } from '../rules';

export interface FileResult {
  /** path relative to the working directory, with forward slashes */
  path: string;
  diagnostics: Diagnostic[];
}

const LEVEL = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;

/** Findings of the CLI itself (not of a rule): their SARIF rule metadata. */
export const CLI_RULES: Record<string, { description: MessageId; level: 'error' | 'warning' }> = {
  'empty-policy': { description: 'cli.emptyPolicy.description', level: 'error' },
};

export interface RuleDocs {
  /** where the rule's documentation is, if anywhere */
  uri(ruleId: string): string | undefined;
  /** the documentation itself (Markdown), shown by code scanning beside the alert */
  markdown(ruleId: string): string | undefined;
  /** the tool's home page */
  informationUri?: string;
}

export function toSarif(results: FileResult[], version: string, docs: RuleDocs): object {
  const helpUri = (id: string) => docs.uri(id);
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code))));
  const ruleIds = RULES.map((r) => r.id).filter((id) => used.has(id));
  // Access Analyzer findings (issue codes) are rules too
  const own = [...used].filter((id) => CLI_RULES[id]).sort();
  const external = [...used].filter((id) => !ruleIds.includes(id) && !CLI_RULES[id]).sort();
  const rules = [
    ...ruleIds.map((id) => {
      const rule = RULES.find((r) => r.id === id)!;
      return {
        id,
        name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
        shortDescription: { text: ruleDescription(rule) },
        fullDescription: { text: ruleDescription(rule) },
        ...(helpUri(id) ? { helpUri: helpUri(id) } : {}),
        help: {
          text: helpUri(id) ? t('cli.sarifHelp', { description: ruleDescription(rule), url: helpUri(id) ?? '' }) : ruleDescription(rule),
          markdown:
            docs.markdown(id) ??
            (helpUri(id) ? `${ruleDescription(rule)}\n\n[${t('hover.documentation')}](${helpUri(id)})` : ruleDescription(rule)),
        },
        defaultConfiguration: {
          level: rule.meta.defaultSeverity === 'error' ? 'error' : rule.meta.defaultSeverity === 'warning' ? 'warning' : 'note',
        },
        properties: {
          tags: ['security', 'iam', rule.meta.category],
          precision: 'high',
          ...(rule.meta.security ? { 'security-severity': rule.meta.defaultSeverity === 'error' ? '8.0' : '6.0' } : {}),
        },
      };
    }),
    ...own.map((id) => ({
      id,
      name: id,
      shortDescription: { text: t(CLI_RULES[id].description) },
      defaultConfiguration: { level: CLI_RULES[id].level },
    })),
    ...external.map((id) => ({
      id,
      name: id,
      shortDescription: { text: `IAM Access Analyzer: ${id}` },
      helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
    })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-policy-lint',
            semanticVersion: version,
            version,
            ...(docs.informationUri ? { informationUri: docs.informationUri } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: String(d.code),
            ruleIndex: index.get(String(d.code)) ?? 0,
            level: LEVEL[(d.severity ?? 2) as 1 | 2 | 3 | 4],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path, uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
