/**
 * The English message catalog of the server and CLI (everything but rule messages, which live in
 * each rule's meta). `{{name}}` placeholders; every id needs an entry in messages.ja.ts too
 * (i18n.test.ts checks ids and placeholders).
 */
export const MESSAGES_EN = {
  // policy types (hover, code lens, summary, status)
  'policyType.identity': 'Identity policy',
  'policyType.resource': 'Resource policy',
  'policyType.trust': 'Role trust policy',
  'policyType.scp': 'Service control policy',
  'policyType.rcp': 'Resource control policy',
  // access levels (the console's names)
  'accessLevel.List': 'List',
  'accessLevel.Read': 'Read',
  'accessLevel.Write': 'Write',
  'accessLevel.Permissions management': 'Permissions management',
  'accessLevel.Tagging': 'Tagging',
  // severities (CLI text output; JSON and SARIF keep the English names)
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.info': 'info',
  'severity.hint': 'hint',
  // CLI
  'cli.noProblems': '✔ no problems in {{files}} {{files:file:files}} ({{policies}} {{policies:policy:policies}})',
  'cli.problems': '✖ {{total}} {{total:problem:problems}} ({{parts}}) in {{withProblems}} of {{files}} {{files:file:files}} ({{policies}} {{policies:policy:policies}})',
  'cli.errors': '{{count}} {{count:error:errors}}',
  'cli.warnings': '{{count}} {{count:warning:warnings}}',
  'cli.infos': '{{count}} info',
  'cli.listSeparator': ', ',
  'cli.fixed': 'fixed {{count}} {{count:problem:problems}}',
} as const;

export type MessageId = keyof typeof MESSAGES_EN;
