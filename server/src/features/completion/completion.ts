/**
 * Completion everywhere a user types in a policy: element names, Effect and Version values,
 * service prefixes, actions (with access level), wildcards (with how many actions they match),
 * ARN templates, principals, condition operators, condition keys (filtered by the statement's
 * actions) and condition values. Each item replaces exactly the token being typed.
 */
import { accessLevelName, localizedRecord, localizeTemplate, t as tr, type MessageId } from '../../i18n';
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
import { CONDITION_OPERATORS, allOperatorSpellings, familyAcceptsType, familyForType, parseOperator } from '../../catalog/operators';
import { REGIONS } from '../../catalog/regions';
import { expandStatementActions } from '../../analysis/expandActions';
import { locate, type CursorLocation, type Token } from '../../policy/locate';
import { PRINCIPAL_TYPES, statementActions, type PolicyDocument, type PolicyType, type Statement } from '../../policy/model';
import type { JsonPath } from '../../syntax/jsonPath';
import type { JsonNode } from '../../syntax/parseJson';
import { code } from '../markdown';
import { hostSyntaxAt, keyInsertText } from './hostSyntax';
import { matchName } from './match';
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
/** (Action and wildcard items carry no name: it is their label, which keeps long lists small.) */
export type CompletionData =
  { kind: 'action'; name?: string } | { kind: 'wildcard'; pattern?: string } | { kind: 'conditionKey'; key: string };

const TRIGGER_SUGGEST = Command.create('Suggest', 'editor.action.triggerSuggest');
const MAX_ARN_ACTIONS = 200;

export function getCompletions(ctx: CompletionContext, offset: number): CompletionList {
  const text = ctx.document.getText();
  if (text.trim() === '') {
    return CompletionList.create(policyTemplates(ctx, { offset, length: 0 }), false);
  }
  const loc = locate(text, offset, ctx.policy, ctx.basePath);
  if (loc.context.kind === 'action') {
    // filtered on the server: incomplete only when the matches were cut to the best ones
    const { items, incomplete } = actionItems(ctx, loc.token);
    return CompletionList.create(loc.token.escaped ? items.map(escapedItem) : items, incomplete);
  }
  const items = itemsFor(ctx, loc, text, offset);
  return CompletionList.create(loc.token.escaped ? items.map(escapedItem) : items, false);
}

/**
 * JSON inside a quoted host string (`"{\"Statement\": …}"` in a JSON template, a double-quoted YAML
 * or HCL string): the item's JSON text on one line, with `"` and `\` escaped as the host string
 * needs (in a snippet, the backslash itself is written `\\`).
 */
function escapedItem(item: CompletionItem): CompletionItem {
  const snippet = item.insertTextFormat === InsertTextFormat.Snippet;
  const escape = (value: string, asSnippet: boolean) =>
    value
      .replace(/\n\t*/g, (_m, at: number, all: string) => (/[[{]$/.test(all.slice(0, at)) || /^\n\t*[\]}]/.test(all.slice(at)) ? '' : ' '))
      .replace(asSnippet ? /\\(?![$}\\])|"/g : /[\\"]/g, (c) => (asSnippet ? '\\\\' : '\\') + c);
  const out: CompletionItem = { ...item };
  if (item.textEdit && 'range' in item.textEdit) {
    out.textEdit = { range: item.textEdit.range, newText: escape(item.textEdit.newText, snippet) };
  }
  if (item.insertText !== undefined) {
    out.insertText = escape(item.insertText, snippet);
  }
  if (item.filterText !== undefined && item.filterText.startsWith('"')) {
    out.filterText = escape(item.filterText, false);
  }
  return out;
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
      return actionItems(ctx, loc.token).items;
    case 'resource':
      return variableItems(ctx, loc.token) ?? resourceItems(ctx, loc.token, context.statement);
    case 'principalKey':
      return principalKeyItems(ctx, loc, text);
    case 'principalValue':
      return principalValueItems(ctx, loc.token, context.principalType, policyType);
    case 'conditionOperator':
      return operatorItems(ctx, loc, text);
    case 'conditionKey':
      return conditionKeyItems(ctx, loc, text, context.statement, context.operator);
    case 'conditionValue':
      return variableItems(ctx, loc.token) ?? conditionValueItems(ctx, loc.token, context.operator, context.key);
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
  if (options.detail) {
    item.detail = options.detail;
  }
  if (options.documentation) {
    item.documentation = { kind: MarkupKind.Markdown, value: options.documentation };
  }
  if (options.sortText) {
    item.sortText = options.sortText;
  }
  if (options.preselect) {
    item.preselect = true;
  }
  if (options.command) {
    item.command = options.command;
  }
  if (options.data) {
    item.data = options.data;
  }
  if (options.deprecated) {
    item.tags = [1];
  }
  return item;
}

/**
 * A string literal of the host: JSON's `"value"`, or in code (CDK) the literal's own quote with
 * only what that quote needs escaped (`'s3:GetObject'` stays single-quoted). `snippet`: `body` is
 * snippet text, whose own escapes are kept.
 */
function hostString(ctx: CompletionContext, token: Token, body: string, snippet: boolean): string {
  if (ctx.policy?.container.kind !== 'cdk') {
    return snippet ? `"${body}"` : jsonString(body);
  }
  const quote = ctx.document.getText().charAt(token.offset);
  const q = quote === "'" || quote === '`' ? quote : '"';
  const escaped = snippet ? body.split(q).join(`\\${q}`) : body.replace(/\\/g, '\\\\').split(q).join(`\\${q}`);
  return `${q}${escaped}${q}`;
}

/** A string value; replaces the whole token (quotes included) with `"value"`. */
function valueItem(ctx: CompletionContext, token: Token, value: string, options: ItemOptions = {}): CompletionItem {
  const newText = hostString(ctx, token, value, false);
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
  const newText = hostString(ctx, token, body, true);
  const item: CompletionItem = {
    label,
    kind: options.kind ?? CompletionItemKind.Snippet,
    textEdit: TextEdit.replace(rangeOf(ctx, token), newText),
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: token.quoted ? hostString(ctx, token, label, false) : label,
  };
  return applyOptions(item, options);
}

/** A property name; adds `: value` (a snippet) unless the property already has one. */
function keyItem(
  ctx: CompletionContext,
  loc: CursorLocation,
  text: string,
  key: string,
  valueSnippet: string,
  options: ItemOptions = {},
): CompletionItem {
  const token = loc.token;
  const quotedKey = jsonString(key);
  const newText = keyInsertText(hostSyntaxAt(ctx.policy, text, token), text, token, snippetText(quotedKey), valueSnippet);
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

/**
 * `data "aws_iam_policy_document"`: its arguments and blocks, in HCL (`actions = [""]`,
 * `condition { test variable values }`), each with the IAM element it writes as documentation.
 */
const HCL_DOCUMENT_KEYS: Record<string, { iam: string; body: string; repeatable?: boolean }> = {
  version: { iam: 'Version', body: 'version = "${1:2012-10-17}"' },
  policy_id: { iam: 'Id', body: 'policy_id = "$1"' },
  statement: {
    iam: 'Statement',
    body: 'statement {\n\teffect    = "${1|Allow,Deny|}"\n\tactions   = ["$2"]\n\tresources = ["$3"]\n}',
    repeatable: true,
  },
};
const HCL_STATEMENT_KEYS: Record<string, { iam: string; body: string; repeatable?: boolean }> = {
  sid: { iam: 'Sid', body: 'sid = "$1"' },
  effect: { iam: 'Effect', body: 'effect = "${1|Allow,Deny|}"' },
  actions: { iam: 'Action', body: 'actions = ["$1"]' },
  not_actions: { iam: 'NotAction', body: 'not_actions = ["$1"]' },
  resources: { iam: 'Resource', body: 'resources = ["$1"]' },
  not_resources: { iam: 'NotResource', body: 'not_resources = ["$1"]' },
  principals: {
    iam: 'Principal',
    body: 'principals {\n\ttype        = "${1|AWS,Service,Federated,*|}"\n\tidentifiers = ["$2"]\n}',
    repeatable: true,
  },
  not_principals: {
    iam: 'NotPrincipal',
    body: 'not_principals {\n\ttype        = "${1|AWS,Service,Federated|}"\n\tidentifiers = ["$2"]\n}',
    repeatable: true,
  },
  condition: {
    iam: 'Condition',
    body: 'condition {\n\ttest     = "${1:StringEquals}"\n\tvariable = "$2"\n\tvalues   = ["$3"]\n}',
    repeatable: true,
  },
};

/** The argument and block names already written in the HCL block around the cursor (its own text, nested blocks skipped). */
function hclNamesInBlock(text: string, node: JsonNode | undefined): Set<string> {
  const names = new Set<string>();
  if (!node) {
    return names;
  }
  const open = text.indexOf('{', node.offset);
  const body = open >= 0 && open < node.offset + node.length ? text.slice(open + 1, node.offset + node.length - 1) : '';
  let depth = 0;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (depth === 0) {
      const name = /^([a-z_]+)\s*(=|\{)/.exec(trimmed)?.[1];
      if (name) {
        names.add(name);
      }
    }
    depth += (trimmed.match(/\{/g) ?? []).length - (trimmed.match(/\}/g) ?? []).length;
  }
  return names;
}

function hclBlockItems(
  ctx: CompletionContext,
  loc: CursorLocation,
  keys: Record<string, { iam: string; body: string; repeatable?: boolean }>,
  docs: Record<string, string>,
  present: Set<string>,
): CompletionItem[] {
  // only where a name starts: not inside a value, not after `=`
  if (loc.token.quoted) {
    return [];
  }
  return Object.entries(keys)
    .filter(([name, key]) => key.repeatable || !present.has(name))
    .map(([name, key], i) => ({
      label: name,
      kind: key.body.includes('{') ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: key.iam,
      ...(docs[key.iam] ? { documentation: { kind: MarkupKind.Markdown, value: docs[key.iam] } } : {}),
      textEdit: TextEdit.replace(rangeOf(ctx, loc.token), key.body),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      filterText: name,
      sortText: String(i).padStart(2, '0'),
    }));
}

function topLevelKeys(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  if (ctx.policy?.container.hclBlocks) {
    const present = hclNamesInBlock(text, ctx.policy.root);
    return hclBlockItems(ctx, loc, HCL_DOCUMENT_KEYS, TOP_LEVEL_ELEMENT_DOCS, present);
  }
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

function statementKeys(
  ctx: CompletionContext,
  loc: CursorLocation,
  text: string,
  statement: Statement | undefined,
  policyType: PolicyType,
): CompletionItem[] {
  if (ctx.policy?.container.hclBlocks) {
    // a policy document serves identity, resource and trust policies alike: every block is offered
    return hclBlockItems(ctx, loc, HCL_STATEMENT_KEYS, STATEMENT_ELEMENT_DOCS, hclNamesInBlock(text, statement?.node));
  }
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
  // an empty statement object: offer the least-privilege templates too (not while typing a key)
  if (!loc.token.quoted && statement && statement.elements.every((e) => e.keyNode.offset === loc.token.offset)) {
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

function templateItems(
  ctx: CompletionContext,
  token: Token,
  policyType: PolicyType,
  mode: 'statement' | 'statementBody',
): CompletionItem[] {
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
    const shown = localizeTemplate(t);
    items.push({
      label: shown.label,
      kind: CompletionItemKind.Snippet,
      detail: tr('completion.statementTemplate'),
      documentation: { kind: MarkupKind.Markdown, value: `${shown.description}\n\n\`\`\`json\n${previewOf(t.body)}\n\`\`\`` },
      textEdit: TextEdit.replace(rangeOf(ctx, token), body),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      sortText: `z${String(i).padStart(3, '0')}`,
      // the English name filters too, so the same words find a template in any locale
      filterText: shown.label === t.label ? t.label : `${shown.label} ${t.label}`,
    });
  });
  return items;
}

/** The template text with placeholders replaced by their defaults. */
function previewOf(body: string): string {
  return body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

function policyTemplates(ctx: CompletionContext, token: { offset: number; length: number }): CompletionItem[] {
  return (ctx.templates ?? [])
    .filter((t) => t.scope === 'policy')
    .map((t, i) => {
      const shown = localizeTemplate(t);
      return {
        label: shown.label,
        kind: CompletionItemKind.Snippet,
        detail: tr('completion.policyTemplate'),
        documentation: { kind: MarkupKind.Markdown, value: `${shown.description}\n\n\`\`\`json\n${previewOf(t.body)}\n\`\`\`` },
        textEdit: TextEdit.replace(rangeOf(ctx, token), t.body),
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: String(i).padStart(3, '0'),
        ...(shown.label === t.label ? {} : { filterText: `${shown.label} ${t.label}` }),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// actions

/** `Get` from `GetObject`: the leading capitalised word, used to offer `s3:Get*`. */
function verbOf(name: string): string | undefined {
  const m = /^[A-Z][a-z]+/.exec(name);
  return m?.[0];
}

/**
 * At most this many actions (or service prefixes) go in one response. Longer match lists are cut to
 * the best matches and marked incomplete, so the client asks again as the user types; a list that
 * fits is complete, and the client filters it further without asking (matching is monotone).
 */
export const MAX_LIST_ITEMS = 25;

interface Candidate {
  rank: number;
  /** order among equal ranks when the list is cut (wildcards before the actions they cover) */
  sortText: string;
  make: () => CompletionItem;
}

/** Keeps the best `MAX_LIST_ITEMS` candidates by match rank, then sort text. */
function pick(candidates: Candidate[]): { items: CompletionItem[]; truncated: boolean } {
  const truncated = candidates.length > MAX_LIST_ITEMS;
  if (truncated) {
    candidates.sort((a, b) => a.rank - b.rank || (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
    candidates.length = MAX_LIST_ITEMS;
  }
  return { items: candidates.map((c) => c.make()), truncated };
}

function actionItems(ctx: CompletionContext, token: Token): { items: CompletionItem[]; incomplete: boolean } {
  const prefix = token.prefix.trimStart();
  const colon = prefix.indexOf(':');
  if (colon < 0) {
    // service prefixes first: the action list of one service is what users pick from
    const candidates: Candidate[] = [];
    for (const s of ctx.catalog.services) {
      const rank = matchName(prefix, s.prefix);
      if (rank === undefined) {
        continue;
      }
      const sortText = `1${s.prefix}`;
      candidates.push({
        rank,
        sortText,
        make: () =>
          snippetValueItem(ctx, token, `${s.prefix}:`, `${snippetText(s.prefix)}:$0`, {
            kind: CompletionItemKind.Module,
            detail: s.name,
            documentation: tr('completion.actionCount', { count: s.actions.length }),
            command: TRIGGER_SUGGEST,
            sortText,
          }),
      });
    }
    if (prefix === '' || prefix === '*') {
      candidates.push({
        rank: -1,
        sortText: '2',
        make: () =>
          valueItem(ctx, token, '*', {
            detail: tr('completion.star', { count: ctx.catalog.actionCount }),
            documentation: tr('completion.star.doc'),
            sortText: '2',
            kind: CompletionItemKind.Constant,
          }),
      });
    }
    const { items, truncated } = pick(candidates);
    return { items, incomplete: truncated };
  }
  const service = ctx.catalog.service(prefix.slice(0, colon));
  if (!service) {
    // no such service (yet): a later keystroke may change the prefix
    return { items: [], incomplete: true };
  }
  const typed = prefix.slice(colon + 1);
  const candidates: Candidate[] = [];
  for (const a of service.actions) {
    const rank = matchName(typed, a.name);
    if (rank === undefined) {
      continue;
    }
    // no sortText: the label sorts the actions, before the wildcards (sortText `~...`)
    candidates.push({
      rank,
      sortText: a.fullName,
      make: () =>
        valueItem(ctx, token, a.fullName, {
          kind: CompletionItemKind.Function,
          detail: accessLevelName(a.level),
          data: { kind: 'action' },
        }),
    });
  }
  candidates.push(...wildcardCandidates(ctx, token, service.prefix, service.actions, typed));
  const { items, truncated } = pick(candidates);
  return { items, incomplete: truncated };
}

/** The actions of a service grouped by leading verb, computed once per service. */
const verbsMemo = new WeakMap<ActionInfo[], Map<string, ActionInfo[]>>();

function actionsByVerb(actions: ActionInfo[]): Map<string, ActionInfo[]> {
  let byVerb = verbsMemo.get(actions);
  if (!byVerb) {
    byVerb = new Map();
    for (const a of actions) {
      const verb = verbOf(a.name);
      if (verb) {
        const list = byVerb.get(verb) ?? [];
        list.push(a);
        byVerb.set(verb, list);
      }
    }
    verbsMemo.set(actions, byVerb);
  }
  return byVerb;
}

/** `s3:*` and `s3:Get*`-style wildcards; their documentation comes from completionItem/resolve. */
function wildcardCandidates(ctx: CompletionContext, token: Token, prefix: string, actions: ActionInfo[], typed: string): Candidate[] {
  const candidates: Candidate[] = [];
  const allRank = matchName(typed, '*');
  if (allRank !== undefined) {
    // first when nothing is typed yet: the wildcards summarise the service
    candidates.push({
      rank: typed === '' ? -1 : allRank,
      sortText: ' 3',
      make: () =>
        valueItem(ctx, token, `${prefix}:*`, {
          kind: CompletionItemKind.Constant,
          detail: tr('completion.serviceStar', { count: actions.length, service: prefix }),
          sortText: '~3',
          data: { kind: 'wildcard' },
        }),
    });
  }
  for (const [verb, list] of actionsByVerb(actions)) {
    if (list.length < 2) {
      continue;
    }
    const rank = matchName(typed, `${verb}*`);
    if (rank === undefined) {
      continue;
    }
    const sortText = `~2${verb}`;
    candidates.push({
      rank: typed === '' ? -1 : rank,
      sortText: ` 2${verb}`,
      make: () =>
        valueItem(ctx, token, `${prefix}:${verb}*`, {
          kind: CompletionItemKind.Constant,
          detail: tr('completion.verbStar', { count: list.length, levels: summariseLevels(list) }),
          sortText,
          data: { kind: 'wildcard' },
        }),
    });
  }
  return candidates;
}

/** Documentation of a wildcard item, filled in by completionItem/resolve. */
export function wildcardDocumentation(catalog: IamCatalog, pattern: string): string | undefined {
  const list = catalog.matchActions(pattern);
  if (list.length === 0) {
    return undefined;
  }
  if (pattern.endsWith(':*')) {
    return levelBreakdown(list);
  }
  return `${levelBreakdown(list)}\n\n${list
    .slice(0, 15)
    .map((a) => code(a.fullName))
    .join(', ')}${list.length > 15 ? tr('completion.inAll', { count: list.length }) : ''}`;
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
  const actions =
    statement && statementActions(statement) && !statementActions(statement)?.negated
      ? expandStatementActions(statement, ctx.catalog).actions
      : [];
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
        documentation: tr('completion.arnDoc', {
          type: `${entry.service} ${entry.type}`,
          actions: `${entry.actions
            .slice(0, 8)
            .map(code)
            .join(', ')}${entry.actions.length > 8 ? tr('completion.andMore', { count: entry.actions.length - 8 }) : ''}`,
        }),
        sortText: `0${String(i++).padStart(4, '0')}`,
      }),
    );
  }
  items.push(...arnContinuation(ctx, token, [...seen.keys()]));
  if (seen.size === 0) {
    items.push(
      snippetValueItem(
        ctx,
        token,
        'arn:aws:service:region:account:resource',
        'arn:${1:aws}:${2:service}:${3:region}:${4:account}:${5:resource}',
        {
          detail: 'ARN',
          sortText: '5',
        },
      ),
    );
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// policy variables

const SPECIAL_VARIABLES: [string, MessageId][] = [
  ['*', 'completion.variable.star'],
  ['?', 'completion.variable.question'],
  ['$', 'completion.variable.dollar'],
];

/**
 * Inside a string, after `$` or a `${` not yet closed: the policy variables (single-valued global
 * keys, tag keys with a tab stop, the escapes), replacing the `${...` typed so far. Undefined
 * when the cursor is not in a variable (the usual items apply).
 */
function variableItems(ctx: CompletionContext, token: Token): CompletionItem[] | undefined {
  if (!token.quoted) {
    return undefined;
  }
  const dollar = token.prefix.lastIndexOf('$');
  if (dollar < 0 || token.prefix.includes('}', dollar) || (dollar + 1 < token.prefix.length && token.prefix[dollar + 1] !== '{')) {
    return undefined;
  }
  const start = ctx.document.positionAt(token.offset + 1 + dollar);
  const end = ctx.document.positionAt(token.offset + 1 + token.prefix.length);
  // replace up to the closing brace when the variable is already closed after the cursor
  const after = ctx.document.getText().slice(token.offset + 1 + token.prefix.length, token.offset + token.length);
  const closing = /^[\w:/-]*\}/.exec(after);
  const range = closing
    ? { start, end: ctx.document.positionAt(token.offset + 1 + token.prefix.length + closing[0].length) }
    : { start, end };
  const items: CompletionItem[] = [];
  const add = (label: string, snippet: string, detail: string, documentation: string, sortText: string) =>
    items.push({
      label,
      kind: CompletionItemKind.Variable,
      detail,
      documentation: { kind: MarkupKind.Markdown, value: documentation },
      textEdit: TextEdit.replace(range, snippet),
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: label,
      sortText,
    });
  ctx.catalog.globalKeys
    .filter((info) => !info.multiValued && !info.deprecatedBy && !info.type.startsWith('ArrayOf'))
    .sort((a, b) => (a.key === 'aws:username' ? -1 : b.key === 'aws:username' ? 1 : a.key.localeCompare(b.key)))
    .forEach((info, i) => {
      const label = `\${${info.key}}`;
      // templated keys (aws:PrincipalTag/${TagKey}): the template part becomes a tab stop
      const body = info.key.replace(/\$\{([^}]*)\}/g, (_m, name: string) => `\${1:${name}}`);
      add(
        label,
        `\\\${${body}\\}`,
        tr('completion.variable.detail', { type: info.type }),
        `${info.description}\n\n${tr('completion.variable.doc')}`,
        `0${String(i).padStart(4, '0')}`,
      );
    });
  SPECIAL_VARIABLES.forEach(([c, doc], i) =>
    add(`\${${c}}`, `\\\${${snippetText(c)}\\}`, tr('completion.variable.special'), tr(doc), `1${i}`),
  );
  return items;
}

// ---------------------------------------------------------------------------------------------
// ARNs, one segment at a time

const PARTITIONS: [string, MessageId][] = [
  ['aws', 'completion.partition.aws'],
  ['aws-cn', 'completion.partition.cn'],
  ['aws-us-gov', 'completion.partition.govcloud'],
];

/** The first five `:`-separated segments of an ARN and the rest (which may hold colons). */
function arnSegments(arn: string): string[] {
  const parts = arn.split(':');
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** Twelve-digit account ids written anywhere in the document, most used first. */
function accountsInDocument(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\d])\d{12}(?![\d])/g)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/**
 * Completion inside a half-typed ARN (`"arn:aws:dynamodb:|"`): the next segment (partitions,
 * services, regions, account ids used elsewhere in the file), each re-opening the list for the one
 * after, and the resource-type templates of the typed service continued from what is typed.
 * `preferred` are the ARN templates of the statement's actions (ranked first).
 */
function arnContinuation(ctx: CompletionContext, token: Token, preferred: string[]): CompletionItem[] {
  if (!token.quoted || !/^arn:/i.test(token.prefix)) {
    return [];
  }
  const typed = token.prefix.split(':');
  const done = typed.slice(0, -1); // complete segments, each followed by a colon
  const n = done.length;
  const head = done.join(':') + ':';
  const items: CompletionItem[] = [];
  const next = (segment: string, detail: string, sortText: string, kind: CompletionItemKind = CompletionItemKind.Value) =>
    items.push(
      snippetValueItem(ctx, token, `${head}${segment}:`, `${snippetText(`${head}${segment}:`)}$0`, {
        detail,
        sortText,
        kind,
        command: TRIGGER_SUGGEST,
      }),
    );
  if (n === 1) {
    PARTITIONS.forEach(([p, detail], i) => next(p, tr(detail), `00${i}`));
  } else if (n === 2) {
    const first = new Set(preferred.map((arn) => arnSegments(arn)[2]));
    for (const service of ctx.catalog.services) {
      next(service.prefix, service.name, `${first.has(service.prefix) ? '00' : '01'}${service.prefix}`, CompletionItemKind.Module);
    }
  } else if (n === 3) {
    REGIONS.forEach((r, i) => next(r.code, r.name, `00${String(i).padStart(3, '0')}`));
  } else if (n === 4) {
    accountsInDocument(ctx.document.getText()).forEach((id, i) =>
      next(id, tr('completion.accountInFile'), `00${String(i).padStart(3, '0')}`),
    );
  }
  // the service's resource types, continued from the typed segments
  if (n >= 3) {
    const service = ctx.catalog.service(done[2].toLowerCase());
    const templates = new Set([
      ...preferred.filter((arn) => arnSegments(arn)[2] === done[2].toLowerCase()),
      ...[...(service?.resourceTypes.values() ?? [])].map((t) => t.arn),
    ]);
    let i = 0;
    for (const arn of templates) {
      const segments = arnSegments(arn);
      if (segments.length <= n) {
        continue;
      }
      // typed segments must fit the template's (a placeholder fits anything; an empty region stays empty)
      const fits = done.every((d, k) => k < 2 || /\$\{/.test(segments[k]) || segments[k].toLowerCase() === d.toLowerCase());
      if (!fits) {
        continue;
      }
      const rest = segments.slice(n).join(':');
      let stop = 1;
      const body = rest
        .split(/(\$\{[^}]*\})/)
        .map((part) => (/^\$\{/.test(part) ? `\${${stop++}:${snippetText(part.slice(2, -1))}}` : snippetText(part)))
        .join('');
      const type = service ? [...service.resourceTypes.values()].find((t) => t.arn === arn) : undefined;
      items.push(
        snippetValueItem(ctx, token, `${head}${rest}`, `${snippetText(head)}${body}`, {
          kind: CompletionItemKind.Reference,
          detail: type ? `${done[2]} ${type.name}` : 'ARN',
          sortText: `1${String(i++).padStart(4, '0')}`,
        }),
      );
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// principals

const PRINCIPAL_KEY_DOCS: Record<string, string> = localizedRecord({
  AWS: 'AWS accounts, IAM roles, IAM users, assumed-role sessions (ARNs or 12-digit account IDs), or `"*"`.',
  Service: 'AWS service principals such as `ec2.amazonaws.com` or `lambda.amazonaws.com`.',
  Federated:
    'Web identity (OIDC) or SAML identity providers: `arn:aws:iam::111122223333:oidc-provider/...`, `cognito-identity.amazonaws.com`.',
  CanonicalUser: 'S3 canonical user ID (legacy; for CloudFront origin access identities and ACL-style grants).',
});

function principalKeyItems(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  return PRINCIPAL_TYPES.map((type, i) =>
    keyItem(ctx, loc, text, type, '"$1"', {
      documentation: PRINCIPAL_KEY_DOCS[type],
      sortText: String(i),
      command: TRIGGER_SUGGEST,
    }),
  );
}

function principalValueItems(
  ctx: CompletionContext,
  token: Token,
  principalType: string | undefined,
  policyType: PolicyType,
): CompletionItem[] {
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
        valueItem(ctx, token, p.principal, {
          detail: p.description,
          sortText: String(i).padStart(4, '0'),
          kind: CompletionItemKind.EnumMember,
        }),
      );
    case 'AWS':
      return [
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:root', 'arn:${1:aws}:iam::${2:111122223333}:root', {
          detail: tr('completion.principal.root'),
          sortText: '0',
        }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:role/<name>', 'arn:${1:aws}:iam::${2:111122223333}:role/${3:RoleName}', {
          detail: tr('completion.principal.role'),
          sortText: '1',
        }),
        snippetValueItem(ctx, token, 'arn:aws:iam::<account>:user/<name>', 'arn:${1:aws}:iam::${2:111122223333}:user/${3:UserName}', {
          detail: tr('completion.principal.user'),
          sortText: '2',
        }),
        snippetValueItem(
          ctx,
          token,
          'arn:aws:sts::<account>:assumed-role/<role>/<session>',
          'arn:${1:aws}:sts::${2:111122223333}:assumed-role/${3:RoleName}/${4:SessionName}',
          { detail: tr('completion.principal.session'), sortText: '3' },
        ),
        snippetValueItem(ctx, token, '<account id>', '${1:111122223333}', { detail: tr('completion.principal.account'), sortText: '4' }),
        valueItem(ctx, token, '*', { detail: tr('completion.principal.awsStar'), sortText: '5', kind: CompletionItemKind.Constant }),
      ];
    case 'Federated':
      return [
        snippetValueItem(
          ctx,
          token,
          'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com',
          'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/token.actions.githubusercontent.com',
          {
            detail: tr('completion.principal.github'),
            sortText: '0',
          },
        ),
        snippetValueItem(
          ctx,
          token,
          'arn:aws:iam::<account>:oidc-provider/<host>',
          'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/${3:oidc.example.com}',
          { detail: tr('completion.principal.oidc'), sortText: '1' },
        ),
        snippetValueItem(
          ctx,
          token,
          'arn:aws:iam::<account>:saml-provider/<name>',
          'arn:${1:aws}:iam::${2:111122223333}:saml-provider/${3:ProviderName}',
          { detail: tr('completion.principal.saml'), sortText: '2' },
        ),
        valueItem(ctx, token, 'cognito-identity.amazonaws.com', { detail: tr('completion.principal.cognito'), sortText: '3' }),
        valueItem(ctx, token, 'accounts.google.com', { detail: 'Google', sortText: '4' }),
        valueItem(ctx, token, 'graph.facebook.com', { detail: 'Facebook', sortText: '5' }),
        valueItem(ctx, token, 'www.amazon.com', { detail: 'Login with Amazon', sortText: '6' }),
      ];
    case 'CanonicalUser':
      return [
        snippetValueItem(ctx, token, '<canonical user id>', '${1:79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be}', {
          detail: tr('completion.principal.canonical'),
        }),
      ];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// conditions

/** The types of the condition keys already under the operator being typed (`"|": {"aws:SourceIp": ...}`). */
function keyTypesUnderOperator(ctx: CompletionContext, loc: CursorLocation): string[] {
  let property: JsonNode | undefined;
  const visit = (node: JsonNode) => {
    if (property || loc.token.offset < node.offset || loc.token.offset > node.offset + node.length) {
      return;
    }
    if (node.type === 'property' && node.children?.[0]?.offset === loc.token.offset) {
      property = node;
      return;
    }
    node.children?.forEach(visit);
  };
  if (ctx.policy?.root) {
    visit(ctx.policy.root);
  }
  const value = property?.children?.[1];
  if (value?.type !== 'object') {
    return [];
  }
  return (value.children ?? [])
    .map((p) => ctx.catalog.conditionKey(String(p.children?.[0]?.value ?? ''))?.type)
    .filter((t): t is NonNullable<typeof t> => !!t);
}

/**
 * Condition operators. With keys already under the operator, ranked by their type: operators made
 * for it first (ARN operators for ARN keys, IpAddress for IP keys), then usable ones, and the set
 * operators (ForAnyValue/ForAllValues) first for multivalued keys, last for single-valued ones.
 */
function operatorItems(ctx: CompletionContext, loc: CursorLocation, text: string): CompletionItem[] {
  const docs = new Map(CONDITION_OPERATORS.map((o) => [o.name, o]));
  const keyTypes = keyTypesUnderOperator(ctx, loc);
  const multivalued = keyTypes.length > 0 && keyTypes.every((t) => t.startsWith('ArrayOf'));
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
    let rank = String((parsed.qualifier ? 2 : 0) + (parsed.ifExists ? 1 : 0));
    if (keyTypes.length > 0 && info) {
      const fits = keyTypes.map((t) => familyAcceptsType(info.family, baseKeyType(t)));
      // first the family made for the type; then those that accept it (Null, Binary on strings, String on ARNs)
      const fit = keyTypes.every((t) => familyForType(baseKeyType(t)) === info.family) ? 0 : fits.every((f) => f !== 'no') ? 1 : 2;
      const set = multivalued === !!parsed.qualifier ? 0 : 1;
      rank = `${fit}${set}${parsed.ifExists ? 1 : 0}`;
      if (fit === 2) {
        notes.push(tr('completion.operator.notMadeFor', { types: [...new Set(keyTypes)].join(', ') }));
      }
    }
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
export function conditionKeysForStatement(
  catalog: IamCatalog,
  statement: Statement | undefined,
): { info: ConditionKeyInfo; applies: number }[] {
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
        if (!info) {
          continue;
        }
        const entry = result.get(info.key.toLowerCase()) ?? { info, applies: 0 };
        entry.applies++;
        result.set(info.key.toLowerCase(), entry);
      }
    }
  }
  return [...result.values()];
}

function conditionKeyItems(
  ctx: CompletionContext,
  loc: CursorLocation,
  text: string,
  statement: Statement | undefined,
  operator: string,
): CompletionItem[] {
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
    const newText = keyInsertText(hostSyntaxAt(ctx.policy, text, token), text, token, quotedKey, valueSnippet);
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
    return REGIONS.map((r, i) =>
      valueItem(ctx, token, r.code, { detail: r.name, sortText: String(i).padStart(3, '0'), kind: CompletionItemKind.EnumMember }),
    );
  }
  if (lower === 'iam:passedtoservice' || lower === 'aws:principalservicename' || lower.startsWith('aws:calledvia')) {
    return ctx.catalog.servicePrincipals.map((p, i) =>
      valueItem(ctx, token, p.principal, {
        detail: p.description,
        sortText: String(i).padStart(4, '0'),
        kind: CompletionItemKind.EnumMember,
      }),
    );
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
      snippetValueItem(ctx, token, 'repo:<org>/<repo>:ref:refs/heads/<branch>', 'repo:${1:org}/${2:repo}:ref:refs/heads/${3:main}', {
        detail: tr('completion.value.branch'),
      }),
      snippetValueItem(ctx, token, 'repo:<org>/<repo>:environment:<name>', 'repo:${1:org}/${2:repo}:environment:${3:production}', {
        detail: tr('completion.value.environment'),
      }),
    ];
  }
  return [];
}
