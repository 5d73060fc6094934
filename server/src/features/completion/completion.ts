/**
 * Completion everywhere a user types in a policy: element names, Effect and Version values,
 * service prefixes, actions (with access level), wildcards (with how many actions they match),
 * ARN templates, principals, condition operators, condition keys (filtered by the statement's
 * actions) and condition values. Each item replaces exactly the token being typed.
 */
import { accessLevelName, localizedRecord, t as tr } from '../../i18n';
import {
  Command,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ACCESS_LEVELS, baseKeyType, type ActionInfo, type ConditionKeyInfo, type IamCatalog } from '../../catalog/catalog';
import { arnTemplateToSnippet } from '../../catalog/arn';
import { CONDITION_OPERATORS, allOperatorSpellings, familyAcceptsType, parseOperator } from '../../catalog/operators';
import { REGIONS } from '../../catalog/regions';
import { expandStatementActions } from '../../analysis/expandActions';
import { locate, type CursorLocation, type Token } from '../../policy/locate';
import {
  PRINCIPAL_TYPES,
  statementActions,
  type PolicyDocument,
  type PolicyType,
  type Statement,
} from '../../policy/model';
import type { JsonPath } from '../../syntax/jsonPath';
import { code } from '../markdown';
import { STATEMENT_ELEMENT_DOCS, TOP_LEVEL_ELEMENT_DOCS, elementsAllowed } from '../elementDocs';

export interface CompletionContext {
  catalog: IamCatalog;
  document: TextDocument;
  policy: PolicyDocument | undefined;
  /** path of the policy object inside the document (embedded policies) */
  basePath?: JsonPath;
  /** statement templates offered inside the Statement array and in empty documents */
  templates?: StatementTemplate[];
}

export interface StatementTemplate {
  /** short name shown in the list, e.g. "S3 read of one bucket" */
  label: string;
  description: string;
  /** `statement` bodies (one or more statement objects) go inside Statement; `policy` bodies are whole documents */
  scope: 'statement' | 'policy';
  /** VS Code snippet syntax */
  body: string;
  policyTypes?: PolicyType[];
}

/** What completionItem/resolve needs to fill in documentation later. */
export type CompletionData = { kind: 'action'; name: string } | { kind: 'conditionKey'; key: string };

const TRIGGER_SUGGEST = Command.create('Suggest', 'editor.action.triggerSuggest');
const MAX_ARN_ACTIONS = 200;

export function getCompletions(ctx: CompletionContext, offset: number): CompletionList {
  const text = ctx.document.getText();
  if (text.trim() === '') {
    return CompletionList.create(policyTemplates(ctx, { offset, length: 0 }), false);
  }
  const loc = locate(text, offset, ctx.policy, ctx.basePath);
  const items = itemsFor(ctx, loc, text, offset);
  // action lists depend on the service prefix typed so far: ask again as the user types
  const incomplete = loc.context.kind === 'action';
  return CompletionList.create(items, incomplete);
}

function itemsFor(ctx: CompletionContext, loc: CursorLocation, text: string, offset: number): CompletionItem[] {
  const { context } = loc;
  const policyType = ctx.policy?.policyType ?? 'identity';
  switch (context.kind) {
    case 'topLevelKey':
      return topLevelKeys(ctx, loc, text);
    case 'statementKey':
      return statementKeys(ctx, loc, text, context.statement, policyType);
    case 'statementList':
      return statementTemplates(ctx, loc.token, policyType, text, offset);
    case 'version':
      return [
        valueItem(ctx, loc.token, '2012-10-17', { detail: tr('completion.version.current'), sortText: '0', preselect: true }),
        valueItem(ctx, loc.token, '2008-10-17', { detail: tr('completion.version.old'), sortText: '1' }),
      ];
    case 'effect':
      return [
        valueItem(ctx, loc.token, 'Allow', { detail: tr('completion.effect.allow'), sortText: '0' }),
        valueItem(ctx, loc.token, 'Deny', { detail: tr('completion.effect.deny'), sortText: '1' }),
      ];
    case 'action':
      return actionItems(ctx, loc.token);
    case 'resource':
      return resourceItems(ctx, loc.token, context.statement);
    case 'principalKey':
      return principalKeyItems(ctx, loc, text);
    case 'principalValue':
      return principalValueItems(ctx, loc.token, context.principalType, policyType);
    case 'conditionOperator':
      return operatorItems(ctx, loc, text);
    case 'conditionKey':
      return conditionKeyItems(ctx, loc, text, context.statement, context.operator);
    case 'conditionValue':
      return conditionValueItems(ctx, loc.token, context.operator, context.key);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// edits

function rangeOf(ctx: CompletionContext, token: { offset: number; length: number }): Range {
  return { start: ctx.document.positionAt(token.offset), end: ctx.document.positionAt(token.offset + token.length) };
}

function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** Escapes literal text for the snippet syntax. */
export function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

interface ItemOptions {
  detail?: string;
  documentation?: string;
  sortText?: string;
  kind?: CompletionItemKind;
  preselect?: boolean;
  label?: string;
  command?: Command;
  data?: CompletionData;
  deprecated?: boolean;
}

function applyOptions(item: CompletionItem, options: ItemOptions): CompletionItem {
  if (options.detail) {item.detail = options.detail;}
  if (options.documentation) {item.documentation = { kind: MarkupKind.Markdown, value: options.documentation };}
  if (options.sortText) {item.sortText = options.sortText;}
  if (options.preselect) {item.preselect = true;}
  if (options.command) {item.command = options.command;}
  if (options.data) {item.data = options.data;}
  if (options.deprecated) {item.tags = [1];}
  return item;
}

/** A string value; replaces the whole token (quotes included) with `"value"`. */
function valueItem(ctx: CompletionContext, token: Token, value: string, options: ItemOptions = {}): CompletionItem {
  const newText = jsonString(value);
  const item: CompletionItem = {
    label: options.label ?? value,
    kind: options.kind ?? CompletionItemKind.Value,
    textEdit: TextEdit.replace(rangeOf(ctx, token), newText),
    filterText: token.quoted ? newText : value,
  };
  return applyOptions(item, options);
}

/** A snippet value; `body` is the snippet inside the quotes. */
function snippetValueItem(ctx: CompletionContext, token: Token, label: string, body: string, options: ItemOptions = {}): CompletionItem {
  const newText = `"${body}"`;
  const item: CompletionItem = {
    label,
    kind: options.kind ?? CompletionItemKind.Snippet,
    textEdit: TextEdit.replace(rangeOf(ctx, token), newText),
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: token.quoted ? `"${label}"` : label,
  };
  return applyOptions(item, options);
}

/** True when a colon follows the token: the user is renaming an existing key. */
function colonFollows(text: string, token: Token): boolean {
  for (let i = token.offset + token.length; i < text.length; i++) {
    const ch = text[i];
    if (ch === ':') {return true;}
    if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\n') {return false;}
  }
  return false;
}

/** A property name; adds `: value` (a snippet) unless the property already has one. */
function keyItem(ctx: CompletionContext, loc: CursorLocation, text: string, key: string, valueSnippet: string, options: ItemOptions = {}): CompletionItem {
  const token = loc.token;
  const quotedKey = jsonString(key);
  const newText = colonFollows(text, token) ? snippetText(quotedKey) : `${snippetText(quotedKey)}: ${valueSnippet}`;
  const item: CompletionItem = {
    label: key,
    kind: options.kind ?? CompletionItemKind.Property,
    textEdit: TextEdit.replace(rangeOf(ctx, token), newText),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
    filterText: token.quoted ? quotedKey : key,
  };
  return applyOptions(item, options);
}

// ---------------------------------------------------------------------------------------------
// keys

function existingKeys(node: { children?: { children?: { value?: unknown }[] }[] } | undefined, except: Token): Set<string> {
  const keys = new Set<string>();
  for (const property of node?.children ?? []) {
    const keyNode = property.children?.[0] as { value?: unknown; offset?: number } | undefined;
    if (typeof keyNode?.value === 'string' && keyNode.offset !== except.offset) {
      keys.add(keyNode.value);
    }
  }
  return keys;
}

function topLevelKeys(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  const present = existingKeys(ctx.policy?.root, loc.token);
  const values: Record<string, string> = {
    Version: '"${1:2012-10-17}"',
    Id: '"$1"',
    Statement: '[\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": [\n\t\t\t"$2"\n\t\t],\n\t\t"Resource": "$3"\n\t}\n]',
  };
  return Object.entries(TOP_LEVEL_ELEMENT_DOCS)
    .filter(([key]) => !present.has(key))
    .map(([key, doc], i) => keyItem(ctx, loc, text, key, values[key], { documentation: doc, sortText: String(i) }));
}

const STATEMENT_VALUE_SNIPPETS: Record<string, string> = {
  Sid: '"$1"',
  Effect: '"${1|Allow,Deny|}"',
  Principal: '{\n\t"${1|AWS,Service,Federated|}": "$2"\n}',
  NotPrincipal: '{\n\t"AWS": "$1"\n}',
  Action: '[\n\t"$1"\n]',
  NotAction: '[\n\t"$1"\n]',
  Resource: '[\n\t"$1"\n]',
  NotResource: '[\n\t"$1"\n]',
  Condition: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}',
};

const EXCLUSIVE: Record<string, string> = {
  Action: 'NotAction',
  NotAction: 'Action',
  Resource: 'NotResource',
  NotResource: 'Resource',
  Principal: 'NotPrincipal',
  NotPrincipal: 'Principal',
};

function statementKeys(ctx: CompletionContext, loc: CursorLocation, text: string, statement: Statement | undefined, policyType: PolicyType): CompletionItem[] {
  const present = existingKeys(statement?.node, loc.token);
  const allowed = elementsAllowed(policyType);
  const items: CompletionItem[] = [];
  Object.entries(STATEMENT_ELEMENT_DOCS).forEach(([key, doc], i) => {
    if (present.has(key) || !allowed.has(key) || (EXCLUSIVE[key] && present.has(EXCLUSIVE[key]))) {
      return;
    }
    const retrigger = key === 'Action' || key === 'NotAction' || key === 'Effect' || key === 'Resource' || key === 'NotResource';
    const options: ItemOptions = { documentation: doc, sortText: String(i) };
    if (retrigger) {
      options.command = TRIGGER_SUGGEST;
    }
    items.push(keyItem(ctx, loc, text, key, STATEMENT_VALUE_SNIPPETS[key], options));
  });
  // an empty statement object: offer the least-privilege templates too
  if (statement && statement.elements.every((e) => e.keyNode.offset === loc.token.offset)) {
    items.push(...templateItems(ctx, loc.token, policyType, 'statementBody'));
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// templates

function statementTemplates(ctx: CompletionContext, token: Token, policyType: PolicyType, text: string, offset: number): CompletionItem[] {
  // between statements: only when not inside a string
  if (token.quoted || /"\s*$/.test(text.slice(Math.max(0, offset - 1), offset))) {
    return [];
  }
  return templateItems(ctx, token, policyType, 'statement');
}

function templateItems(ctx: CompletionContext, token: Token, policyType: PolicyType, mode: 'statement' | 'statementBody'): CompletionItem[] {
  const items: CompletionItem[] = [];
  (ctx.templates ?? []).forEach((t, i) => {
    if (t.scope !== 'statement' || (t.policyTypes && !t.policyTypes.includes(policyType))) {
      return;
    }
    let body = t.body;
    if (mode === 'statementBody') {
      // inside an empty `{}`: only single-statement templates fit, without their braces
      const inner = /^\{\n([\s\S]*)\n\}$/.exec(body);
      if (!inner || inner[1].includes('\n},\n{')) {
        return;
      }
      body = inner[1].replace(/^\t/gm, '');
    }
    items.push({
      label: t.label,
      kind: CompletionItemKind.Snippet,
      detail: tr('completion.statementTemplate'),
      documentation: { kind: MarkupKind.Markdown, value: `${t.description}\n\n\`\`\`json\n${previewOf(t.body)}\n\`\`\`` },
      textEdit: TextEdit.replace(rangeOf(ctx, token), body),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      sortText: `z${String(i).padStart(3, '0')}`,
      filterText: t.label,
    });
  });
  return items;
}

/** The template text with placeholders replaced by their defaults. */
function previewOf(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\\$/g, '$');
}

function policyTemplates(ctx: CompletionContext, token: { offset: number; length: number }): CompletionItem[] {
  return (ctx.templates ?? [])
    .filter((t) => t.scope === 'policy')
    .map((t, i) => ({
      label: t.label,
      kind: CompletionItemKind.Snippet,
      detail: tr('completion.policyTemplate'),
      documentation: { kind: MarkupKind.Markdown, value: `${t.description}\n\n\`\`\`json\n${previewOf(t.body)}\n\`\`\`` },
      textEdit: TextEdit.replace(rangeOf(ctx, token), t.body),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(i).padStart(3, '0'),
    }));
}

// ---------------------------------------------------------------------------------------------
// actions

/** `Get` from `GetObject`: the leading capitalised word, used to offer `s3:Get*`. */
function verbOf(name: string): string | undefined {
  const m = /^[A-Z][a-z]+/.exec(name);
  return m?.[0];
}

function actionItems(ctx: CompletionContext, token: Token): CompletionItem[] {
  const prefix = token.prefix.trimStart();
  const colon = prefix.indexOf(':');
  if (colon < 0) {
    // service prefixes first: the action list of one service is what users pick from
    const items = ctx.catalog.services.map((s) =>
      snippetValueItem(ctx, token, `${s.prefix}:`, `${snippetText(s.prefix)}:$0`, {
        kind: CompletionItemKind.Module,
        detail: s.name,
        documentation: tr('completion.actionCount', { count: s.actions.length }),
        command: TRIGGER_SUGGEST,
        sortText: `1${s.prefix}`,
      }),
    );
    items.push(
      valueItem(ctx, token, '*', {
        detail: tr('completion.star', { count: ctx.catalog.actions.length }),
        documentation: tr('completion.star.doc'),
        sortText: '2',
        kind: CompletionItemKind.Constant,
      }),
    );
    return items;
  }
  const service = ctx.catalog.service(prefix.slice(0, colon));
  if (!service) {
    return [];
  }
  const items: CompletionItem[] = service.actions.map((a) =>
    valueItem(ctx, token, a.fullName, {
      kind: CompletionItemKind.Function,
      detail: accessLevelName(a.level),
      sortText: `1${a.name}`,
      data: { kind: 'action', name: a.fullName },
    }),
  );
  items.push(...wildcardItems(ctx, token, service.prefix, service.actions));
  return items;
}

function wildcardItems(ctx: CompletionContext, token: Token, prefix: string, actions: ActionInfo[]): CompletionItem[] {
  const byVerb = new Map<string, ActionInfo[]>();
  for (const a of actions) {
    const verb = verbOf(a.name);
    if (verb) {
      const list = byVerb.get(verb) ?? [];
      list.push(a);
      byVerb.set(verb, list);
    }
  }
  const items: CompletionItem[] = [
    valueItem(ctx, token, `${prefix}:*`, {
      kind: CompletionItemKind.Constant,
      detail: tr('completion.serviceStar', { count: actions.length, service: prefix }),
      documentation: levelBreakdown(actions),
      sortText: '3',
    }),
  ];
  for (const [verb, list] of byVerb) {
    if (list.length < 2) {
      continue;
    }
    items.push(
      valueItem(ctx, token, `${prefix}:${verb}*`, {
        kind: CompletionItemKind.Constant,
        detail: tr('completion.verbStar', { count: list.length, levels: summariseLevels(list) }),
        documentation: `${levelBreakdown(list)}\n\n${list
          .slice(0, 15)
          .map((a) => code(a.fullName))
          .join(', ')}${list.length > 15 ? tr('completion.inAll', { count: list.length }) : ''}`,
        sortText: `2${verb}`,
      }),
    );
  }
  return items;
}

function summariseLevels(actions: ActionInfo[]): string {
  const levels = ACCESS_LEVELS.filter((l) => actions.some((a) => a.level === l));
  return levels.map(accessLevelName).join(', ');
}

function levelBreakdown(actions: ActionInfo[]): string {
  return ACCESS_LEVELS.map((l) => [l, actions.filter((a) => a.level === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${accessLevelName(l)}: ${n}`)
    .join(' · ');
}

// ---------------------------------------------------------------------------------------------
// resources

function resourceItems(ctx: CompletionContext, token: Token, statement: Statement | undefined): CompletionItem[] {
  const items: CompletionItem[] = [
    valueItem(ctx, token, '*', { detail: tr('completion.allResources'), sortText: '9', kind: CompletionItemKind.Constant }),
  ];
  const actions = statement && statementActions(statement) && !statementActions(statement)?.negated ? expandStatementActions(statement, ctx.catalog).actions : [];
  const seen = new Map<string, { service: string; type: string; actions: string[] }>();
  for (const action of actions.slice(0, MAX_ARN_ACTIONS)) {
    for (const type of ctx.catalog.resourceTypesOf(action)) {
      const entry = seen.get(type.arn) ?? { service: type.service.prefix, type: type.name, actions: [] };
      entry.actions.push(action.fullName);
      seen.set(type.arn, entry);
    }
  }
  let i = 0;
  for (const [arn, entry] of seen) {
    const snippet = arnTemplateToSnippet(arn);
    items.push(
      snippetValueItem(ctx, token, arn, snippet, {
        kind: CompletionItemKind.Reference,
        detail: `${entry.service} ${entry.type}`,
        documentation: tr('completion.arnDoc', { type: `${entry.service} ${entry.type}`, actions: `${entry.actions
          .slice(0, 8)
          .map(code)
          .join(', ')}${entry.actions.length > 8 ? tr('completion.andMore', { count: entry.actions.length - 8 }) : ''}` }),
        sortText: `0${String(i++).padStart(4, '0')}`,
      }),
    );
  }
  if (seen.size === 0) {
    items.push(
      snippetValueItem(ctx, token, 'arn:aws:service:region:account:resource', 'arn:${1:aws}:${2:service}:${3:region}:${4:account}:${5:resource}', {
        detail: 'ARN',
        sortText: '5',
      }),
    );
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// principals

const PRINCIPAL_KEY_DOCS: Record<string, string> = localizedRecord({
  AWS: 'AWS accounts, IAM roles, IAM users, assumed-role sessions (ARNs or 12-digit account IDs), or `"*"`.',
  Service: 'AWS service principals such as `ec2.amazonaws.com` or `lambda.amazonaws.com`.',
  Federated: 'Web identity (OIDC) or SAML identity providers: `arn:aws:iam::111122223333:oidc-provider/...`, `cognito-identity.amazonaws.com`.',
  CanonicalUser: 'S3 canonical user ID (legacy; for CloudFront origin access identities and ACL-style grants).',
});

function principalKeyItems(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  return PRINCIPAL_TYPES.map((type, i) =>
    keyItem(ctx, loc, text, type, type === 'Service' || type === 'AWS' || type === 'Federated' ? '"$1"' : '"$1"', {
      documentation: PRINCIPAL_KEY_DOCS[type],
      sortText: String(i),
      command: TRIGGER_SUGGEST,
    }),
  );
}

function principalValueItems(ctx: CompletionContext, token: Token, principalType: string | undefined, policyType: PolicyType): CompletionItem[] {
  if (principalType === undefined) {
    return [
      valueItem(ctx, token, '*', {
        detail: tr(policyType === 'rcp' ? 'completion.principal.rcpStar' : 'completion.principal.star'),
        kind: CompletionItemKind.Constant,
      }),
    ];
  }
  switch (principalType) {
    case 'Service':
      return ctx.catalog.servicePrincipals.map((p, i) =>
        valueItem(ctx, token, p.principal, { detail: p.description, sortText: String(i).padStart(4, '0'), kind: CompletionItemKind.EnumMember }),
      );
    case 'AWS':
      return [
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:root', 'arn:${1:aws}:iam::${2:111122223333}:root', { detail: tr('completion.principal.root'), sortText: '0' }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:role/<name>', 'arn:${1:aws}:iam::${2:111122223333}:role/${3:RoleName}', { detail: tr('completion.principal.role'), sortText: '1' }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:user/<name>', 'arn:${1:aws}:iam::${2:111122223333}:user/${3:UserName}', { detail: tr('completion.principal.user'), sortText: '2' }),
        snippetValueItem(ctx, token, 'arn:aws:sts::<account>:assumed-role/<role>/<session>', 'arn:${1:aws}:sts::${2:111122223333}:assumed-role/${3:RoleName}/${4:SessionName}', { detail: 'one role session', sortText: '3' }),
        snippetValueItem(ctx, token, '<account id>', '${1:111122223333}', { detail: tr('completion.principal.account'), sortText: '4' }),
        valueItem(ctx, token, '*', { detail: tr('completion.principal.awsStar'), sortText: '5', kind: CompletionItemKind.Constant }),
      ];
    case 'Federated':
      return [
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com', 'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/token.actions.githubusercontent.com', {
          detail: tr('completion.principal.github'),
          sortText: '0',
        }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:oidc-provider/<host>', 'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/${3:oidc.example.com}', { detail: tr('completion.principal.oidc'), sortText: '1' }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:saml-provider/<name>', 'arn:${1:aws}:iam::${2:111122223333}:saml-provider/${3:ProviderName}', { detail: tr('completion.principal.saml'), sortText: '2' }),
        valueItem(ctx, token, 'cognito-identity.amazonaws.com', { detail: tr('completion.principal.cognito'), sortText: '3' }),
        valueItem(ctx, token, 'accounts.google.com', { detail: 'Google', sortText: '4' }),
        valueItem(ctx, token, 'graph.facebook.com', { detail: 'Facebook', sortText: '5' }),
        valueItem(ctx, token, 'www.amazon.com', { detail: 'Login with Amazon', sortText: '6' }),
      ];
    case 'CanonicalUser':
      return [snippetValueItem(ctx, token, '<canonical user id>', '${1:79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be}', { detail: tr('completion.principal.canonical') })];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// conditions

function operatorItems(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  const docs = new Map(CONDITION_OPERATORS.map((o) => [o.name, o]));
  return allOperatorSpellings().map((spelling) => {
    const parsed = parseOperator(spelling);
    const info = parsed.info ?? docs.get(parsed.baseName);
    const notes: string[] = [info?.description ?? ''];
    if (parsed.ifExists) {
      notes.push(tr('hover.operator.ifExists'));
    }
    if (parsed.qualifier === 'ForAnyValue') {
      notes.push(tr('completion.forAnyValue'));
    }
    if (parsed.qualifier === 'ForAllValues') {
      notes.push(tr('completion.forAllValues'));
    }
    const rank = (parsed.qualifier ? 2 : 0) + (parsed.ifExists ? 1 : 0);
    return keyItem(ctx, loc, text, spelling, '{\n\t"$1": "$2"\n}', {
      kind: CompletionItemKind.Operator,
      detail: tr('completion.operator', { family: info?.family ?? '' }),
      documentation: notes.join('\n\n'),
      sortText: `${rank}${spelling}`,
      command: TRIGGER_SUGGEST,
    });
  });
}

/** Global keys plus the keys of the statement's actions and their resource types. */
export function conditionKeysForStatement(catalog: IamCatalog, statement: Statement | undefined): { info: ConditionKeyInfo; applies: number }[] {
  const result = new Map<string, { info: ConditionKeyInfo; applies: number }>();
  for (const info of catalog.globalKeys) {
    if (!info.deprecatedBy) {
      result.set(info.key.toLowerCase(), { info, applies: 0 });
    }
  }
  const actions = statement ? expandStatementActions(statement, catalog) : undefined;
  if (actions && !actions.all) {
    for (const action of actions.actions) {
      for (const key of catalog.conditionKeysOf(action)) {
        const info = catalog.conditionKey(key);
        if (!info) {continue;}
        const entry = result.get(info.key.toLowerCase()) ?? { info, applies: 0 };
        entry.applies++;
        result.set(info.key.toLowerCase(), entry);
      }
    }
  }
  return [...result.values()];
}

function conditionKeyItems(ctx: CompletionContext, loc: CursorLocation, text: string, statement: Statement | undefined, operator: string): CompletionItem[] {
  const parsed = parseOperator(operator);
  const family = parsed.info?.family;
  return conditionKeysForStatement(ctx.catalog, statement).map(({ info, applies }) => {
    const fits = family ? familyAcceptsType(family, baseKeyType(info.type)) !== 'no' : true;
    const key = info.key;
    // templated keys become snippets: aws:ResourceTag/${1:TagKey}
    let tabStop = 0;
    const keySnippet = key
      .split(/(\$\{[^}]+\}|<[^>]+>)/)
      .map((part, i) => (i % 2 === 1 ? `\${${++tabStop}:${part.replace(/^\$\{|^<|\}$|>$/g, '')}}` : snippetText(part)))
      .join('');
    const quotedKey = `"${keySnippet}"`;
    const valueSnippet = info.type === 'Bool' ? `"\${${tabStop + 1}|true,false|}"` : `"\${${tabStop + 1}}"`;
    const token = loc.token;
    const newText = colonFollows(text, token) ? quotedKey : `${quotedKey}: ${valueSnippet}`;
    const item: CompletionItem = {
      label: key,
      kind: info.global ? CompletionItemKind.Variable : CompletionItemKind.Field,
      detail: `${info.type}${info.global ? tr('completion.key.global') : ''}${applies > 0 ? tr('completion.key.applies', { count: applies }) : ''}`,
      textEdit: TextEdit.replace(rangeOf(ctx, token), newText),
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: token.quoted ? `"${key}"` : key,
      // keys of the statement's own actions first, then keys whose type fits the operator
      sortText: `${applies > 0 ? 0 : 1}${fits ? 0 : 1}${key.toLowerCase()}`,
      data: { kind: 'conditionKey', key } satisfies CompletionData,
    };
    if (info.multiValued && !parsed.qualifier) {
      item.detail += tr('completion.key.multivalued');
    }
    return item;
  });
}

const PRINCIPAL_TYPE_VALUES = ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous'];

function conditionValueItems(ctx: CompletionContext, token: Token, operator: string, key: string): CompletionItem[] {
  const parsed = parseOperator(operator);
  const info = ctx.catalog.conditionKey(key);
  const lower = key.toLowerCase();
  if (parsed.info?.family === 'Null' || parsed.info?.family === 'Bool' || info?.type === 'Bool') {
    return [
      valueItem(ctx, token, 'true', { sortText: '0', kind: CompletionItemKind.Constant }),
      valueItem(ctx, token, 'false', { sortText: '1', kind: CompletionItemKind.Constant }),
    ];
  }
  if (lower === 'aws:requestedregion') {
    return REGIONS.map((r, i) => valueItem(ctx, token, r.code, { detail: r.name, sortText: String(i).padStart(3, '0'), kind: CompletionItemKind.EnumMember }));
  }
  if (lower === 'iam:passedtoservice' || lower === 'aws:principalservicename' || lower.startsWith('aws:calledvia')) {
    return ctx.catalog.servicePrincipals.map((p, i) => valueItem(ctx, token, p.principal, { detail: p.description, sortText: String(i).padStart(4, '0'), kind: CompletionItemKind.EnumMember }));
  }
  if (lower === 'aws:principaltype') {
    return PRINCIPAL_TYPE_VALUES.map((v) => valueItem(ctx, token, v, { kind: CompletionItemKind.EnumMember }));
  }
  if (parsed.info?.family === 'Date' || info?.type === 'Date') {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return [valueItem(ctx, token, now, { detail: tr('completion.value.date') })];
  }
  if (parsed.info?.family === 'IpAddress' || info?.type === 'IPAddress') {
    return [snippetValueItem(ctx, token, '203.0.113.0/24', '${1:203.0.113.0/24}', { detail: tr('completion.value.cidr') })];
  }
  if (lower.endsWith(':aud') && lower.startsWith('token.actions.githubusercontent.com')) {
    return [valueItem(ctx, token, 'sts.amazonaws.com', { detail: tr('completion.value.githubAud') })];
  }
  if (lower.endsWith(':sub') && lower.startsWith('token.actions.githubusercontent.com')) {
    return [
      snippetValueItem(ctx, token, 'repo:<org>/<repo>:ref:refs/heads/<branch>', 'repo:${1:org}/${2:repo}:ref:refs/heads/${3:main}', { detail: tr('completion.value.branch') }),
      snippetValueItem(ctx, token, 'repo:<org>/<repo>:environment:<name>', 'repo:${1:org}/${2:repo}:environment:${3:production}', { detail: tr('completion.value.environment') }),
    ];
  }
  return [];
}
