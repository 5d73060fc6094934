/**
 * Quick-fixes, driven by Diagnostic.data (rule id, path, fix data) rather than message text.
 * Each builder returns proposals; none edits more than it must.
 */
import { t as tr } from '../../i18n';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { ActionInfo, IamCatalog, ResourceTypeInfo } from '../../catalog/catalog';
import { expandStatementActions } from '../../analysis/expandActions';
import type { PolicyDocument, PolicyString, Statement, StringList } from '../../policy/model';
import { isPathPrefix, type JsonPath } from '../../syntax/jsonPath';
import type { DiagnosticData } from '../diagnostics/diagnostics';
import { stringLists } from '../../rules/helpers';
import type { EditSession, Proposal } from './context';
import { narrowingOptions } from './narrow';
import { addCondition, appendToList, insertStatementsAfter, removeListValue, removeListValues, replaceListValue, statementValue } from './statementEdits';
import { insertProperty, removeEntry, replaceNode, SnippetValue, type EditValue, type OffsetEdit } from './textEdits';

const QUICK_FIX = CodeActionKind.QuickFix;

interface Target {
  session: EditSession;
  diagnostic: Diagnostic;
  data: DiagnosticData;
  offset: number;
  policy?: PolicyDocument;
  statement?: Statement;
}

/** The policy and statement a diagnostic's path points into. */
function locate(session: EditSession, diagnostic: Diagnostic, data: DiagnosticData): Target {
  const offset = session.offsetAt(diagnostic.range.start);
  const embedded = session.policyAt(offset);
  const relative = embedded ? data.path.slice(embedded.basePath.length) : data.path;
  const statement = embedded?.policy.statements.find((s) => isPathPrefix(s.path, relative));
  return { session, diagnostic, data, offset, policy: embedded?.policy, statement };
}

/** The list value (action, resource, principal) that the diagnostic underlines. */
function listValueAt(statement: Statement | undefined, offset: number): { list: StringList; value: PolicyString } | undefined {
  if (!statement) {return undefined;}
  for (const { list } of stringLists(statement)) {
    const value = list.values.find((v) => v.node.offset === offset);
    if (value) {return { list, value };}
  }
  return undefined;
}

function quote(value: string): string {
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------

/** "Change to X": the underlined string (a value, or a key when fix.operatorPath is absent) becomes X. */
function replacementFixes(t: Target): Proposal[] {
  const replacements = (t.data.fix?.replacements as string[] | undefined) ?? [];
  if (replacements.length === 0) {return [];}
  const operatorPath = t.data.fix?.operatorPath as JsonPath | undefined;
  let node = t.session.stringAt(t.offset);
  if (operatorPath && t.statement) {
    // the fix renames the operator of the clause that holds the underlined key
    const clause = t.statement.condition?.clauses.find((c) => c.element.path.join('\u0000') === operatorPath.join('\u0000'));
    node = clause?.element.keyNode;
    if (clause && t.statement.condition?.clauses.some((c) => c !== clause && replacements.includes(c.operator))) {
      // renaming would duplicate an operator key: leave it to the user
      return [];
    }
  }
  if (!node) {return [];}
  return replacements.map((r, i) => ({
    title: tr('fix.changeTo', { value: quote(r) }),
    kind: QUICK_FIX,
    diagnostic: t.diagnostic,
    isPreferred: i === 0 && replacements.length === 1,
    edits: [{ offset: node!.offset, length: node!.length, text: quote(r) }],
    safe: t.data.ruleId === 'unknown-condition-operator' && t.data.messageId === 'caseMismatch',
  }));
}

function removeValueFix(t: Target): Proposal[] {
  const found = listValueAt(t.statement, t.offset);
  if (!found) {return [];}
  const edit = removeListValue(found.list, found.value);
  if (!edit) {return [];}
  return [{ title: tr('fix.remove', { value: quote(found.value.value) }), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [edit], safe: t.data.ruleId === 'redundant-action' }];
}

function removeElementFix(t: Target): Proposal[] {
  const path = t.data.fix?.removePath as JsonPath | undefined;
  if (!path || !t.statement) {return [];}
  const element = t.statement.elements.find((e) => e.path.join('\u0000') === path.join('\u0000'));
  if (!element) {return [];}
  const empty = element.valueNode?.type === 'object' && (element.valueNode.children?.length ?? 0) === 0;
  return [
    {
      title: tr('fix.remove', { value: `"${element.name}"` }),
      kind: QUICK_FIX,
      diagnostic: t.diagnostic,
      isPreferred: true,
      edits: [removeEntry(t.statement.node, element.propertyNode)],
      safe: empty && element.name === 'Condition',
    },
  ];
}

function versionFix(t: Target): Proposal[] {
  const policy = t.policy;
  if (!policy?.root || policy.root.type !== 'object') {return [];}
  const existing = policy.elements.find((e) => e.name === 'Version');
  const edit: OffsetEdit = existing?.valueNode
    ? { offset: existing.valueNode.offset, length: existing.valueNode.length, text: '"2012-10-17"' }
    : insertProperty(t.session.text, policy.root, 'Version', '2012-10-17', t.session.style, 'first');
  return [{ title: tr(existing ? 'fix.changeVersion' : 'fix.addVersion'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [edit] }];
}

function trailingCommaFix(t: Target): Proposal[] {
  const offset = t.data.fix?.removeOffset as number | undefined;
  if (offset === undefined || t.session.text[offset] !== ',') {return [];}
  return [{ title: tr('fix.trailingComma'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [{ offset, length: 1, text: '' }], safe: true }];
}

function bomFix(t: Target): Proposal[] {
  if (t.session.text.charCodeAt(0) !== 0xfeff) {return [];}
  return [{ title: tr('fix.bom'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [{ offset: 0, length: 1, text: '' }], safe: true }];
}

function missingElementFix(t: Target, name: 'Effect' | 'Resource'): Proposal[] {
  if (!t.statement) {return [];}
  const value: EditValue = name === 'Effect' ? new SnippetValue('"${1|Allow,Deny|}"') : new SnippetValue('"${1:*}"');
  return [{ title: tr('fix.add', { name: `"${name}"` }), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [insertProperty(t.session.text, t.statement.node, name, value, t.session.style)] }];
}

/** Narrow a wildcard (`s3:*`, `s3:Get*`, `*`) to explicit actions. */
function narrowFixes(t: Target): Proposal[] {
  const found = listValueAt(t.statement, t.offset);
  if (!found || found.list !== t.statement?.action) {return [];}
  const pattern = found.value.value.trim();
  const others = new Set(found.list.values.filter((v) => v !== found.value).map((v) => v.value.trim().toLowerCase()));
  return narrowingOptions(t.session.catalog, t.session.ctx.file, pattern, found.value.node.offset).map((o) => ({
    title: tr('fix.replaceWith', { value: quote(pattern), option: o.title }),
    kind: QUICK_FIX,
    diagnostic: t.diagnostic,
    edits: [replaceListValue(t.session, found.list, found.value, o.actions.filter((a) => !others.has(a.toLowerCase())))],
  }));
}

/** ARN templates for resource types, as snippet text with shared tab stops for shared variables. */
export function arnSnippets(types: ResourceTypeInfo[]): string[] {
  const stops = new Map<string, number>();
  return [...new Set(types.map((t) => t.arn))].map((arn) =>
    arn.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
      if (name === 'Partition') {return 'aws';}
      if (!stops.has(name)) {stops.set(name, stops.size + 1);}
      return `\${${stops.get(name)}:${name}}`;
    }),
  );
}

/**
 * The resource types to offer ARN templates for: the required ones; otherwise the action's own
 * service's types minus access-point aliases (an S3 object is usually named by bucket, not by
 * access point), so a template fix does not hand the user ARNs they must then delete.
 */
export function primaryResourceTypes(catalog: IamCatalog, action: ActionInfo): ResourceTypeInfo[] {
  const types = catalog.resourceTypesOf(action);
  const required = new Set(action.resourceTypes.filter((r) => r.required).map((r) => r.name));
  if (required.size > 0) {
    return types.filter((x) => required.has(x.name));
  }
  const own = types.filter((x) => x.arn.split(':')[2] === action.service.prefix && !/accesspoint/i.test(x.name));
  return own.length > 0 ? own : types;
}

/** The resource types a statement's actions act on, in first-seen order. */
function typesOfActions(actions: ActionInfo[], t: Target): ResourceTypeInfo[] {
  const out: ResourceTypeInfo[] = [];
  for (const a of actions) {
    for (const type of primaryResourceTypes(t.session.catalog, a)) {
      if (!out.includes(type)) {out.push(type);}
    }
  }
  return out;
}

/** `"Resource": "*"` -> ARN templates (or split off the actions that only take "*"). */
function resourceStarFixes(t: Target): Proposal[] {
  const s = t.statement;
  if (!s?.resource || !t.policy) {return [];}
  const star = s.resource.values.find((v) => v.value.trim() === '*');
  if (!star) {return [];}
  const actions = expandStatementActions(s, t.session.catalog).actions;
  const needStar = actions.filter((a) => t.session.catalog.resourceTypesOf(a).length === 0);
  const scoped = actions.filter((a) => t.session.catalog.resourceTypesOf(a).length > 0);
  if (scoped.length === 0 || actions.length > 300) {return [];}
  const arns = arnSnippets(typesOfActions(scoped, t)).map((a) => new SnippetValue(`"${a}"`));
  if (needStar.length === 0) {
    return [{ title: tr('fix.resourceArns'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [replaceListValue(t.session, s.resource, star, arns)] }];
  }
  // keep "*" for the actions that need it, in a statement of their own
  const explicit = s.action?.values.every((v) => !/[*?]/.test(v.value)) ?? false;
  if (!explicit || !s.action) {return [];}
  const starNames = new Set(needStar.map((a) => a.fullName.toLowerCase()));
  const keep = s.action.values.filter((v) => !starNames.has(v.value.trim().toLowerCase()));
  const move = s.action.values.filter((v) => starNames.has(v.value.trim().toLowerCase()));
  if (keep.length === 0 || move.length === 0) {return [];}
  const removals = removeListValues(s.action, move);
  const edits: OffsetEdit[] = [...removals, replaceListValue(t.session, s.resource, star, arns)];
  const moved = statementValue(t.session, t.policy, s, { Sid: undefined, Action: move.length === 1 ? move[0].value : move.map((v) => v.value), Resource: '*' }, ['Sid']);
  const insert = insertStatementsAfter(t.session, t.policy, s, [moved]);
  if (!insert || removals.length === 0) {return [];}
  return [
    {
      title: tr('fix.splitStar', { count: keep.length, actions: move.map((v) => v.value).join(', ') }),
      kind: QUICK_FIX,
      diagnostic: t.diagnostic,
      edits: [...edits, insert],
    },
  ];
}

/** Split a statement so each group of actions gets the resource type it acts on (S3 bucket vs object). */
function splitByResourceTypeFix(t: Target): Proposal[] {
  const s = t.statement;
  if (!s?.action || !s.resource || !t.policy || s.action.values.some((v) => /[*?]/.test(v.value) || v.dynamic)) {return [];}
  const groups = new Map<string, { actions: string[]; types: ResourceTypeInfo[] }>();
  for (const v of s.action.values) {
    const a = t.session.catalog.action(v.value.trim());
    if (!a) {return [];}
    const chosen = primaryResourceTypes(t.session.catalog, a);
    const key = chosen.map((x) => x.arn).join('|') || '*';
    const g = groups.get(key) ?? { actions: [], types: chosen };
    g.actions.push(v.value);
    groups.set(key, g);
  }
  if (groups.size < 2 || groups.size > 6) {return [];}
  const statements = [...groups.values()].map((g) =>
    statementValue(t.session, t.policy!, s, { Action: g.actions.length === 1 ? g.actions[0] : g.actions, Resource: g.types.length ? arnSnippets(g.types).map((a) => new SnippetValue(`"${a}"`)) : '*' }, ['Sid']),
  );
  const [first, ...rest] = statements;
  if (s.sid) {first.Sid = s.sid.value;}
  const replaceFirst = replaceNode(t.session.text, s.node, first, t.session.style);
  const insert = insertStatementsAfter(t.session, t.policy, s, rest);
  if (!insert || insert.offset !== s.node.offset + s.node.length) {
    return [];
  }
  return [{ title: tr('fix.splitByType', { count: groups.size }), kind: QUICK_FIX, diagnostic: t.diagnostic, edits: [replaceFirst, insert] }];
}

/** iam:PassRole: add iam:PassedToService (or move PassRole into its own limited statement). */
function passRoleFixes(t: Target): Proposal[] {
  const s = t.statement;
  if (!s?.action || !t.policy) {return [];}
  const condition: EditValue = new SnippetValue('"${1:lambda.amazonaws.com}"');
  const onlyPassRole = s.action.values.length === 1 && /^iam:PassRole$/i.test(s.action.values[0].value.trim());
  const proposals: Proposal[] = [];
  if (onlyPassRole) {
    const edit = addCondition(t.session, s, 'StringEquals', 'iam:PassedToService', condition);
    if (edit) {proposals.push({ title: tr('fix.passedToService'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [edit] });}
    const star = s.resource?.values.find((v) => v.value.trim() === '*');
    if (star && s.resource) {
      proposals.push({
        title: tr('fix.passRoleOneRole'),
        kind: QUICK_FIX,
        diagnostic: t.diagnostic,
        edits: [replaceListValue(t.session, s.resource, star, [new SnippetValue('"arn:aws:iam::${1:Account}:role/${2:RoleName}"')])],
      });
    }
    return proposals;
  }
  const entry = s.action.values.find((v) => /^iam:PassRole$/i.test(v.value.trim()));
  const removal = entry ? removeListValue(s.action, entry) : undefined;
  const moved = {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: new SnippetValue('"arn:aws:iam::${1:Account}:role/${2:RoleName}"'),
    Condition: { StringEquals: { 'iam:PassedToService': new SnippetValue('"${3:lambda.amazonaws.com}"') } },
  };
  const insert = insertStatementsAfter(t.session, t.policy, s, [moved]);
  if (removal && insert) {
    proposals.push({ title: tr('fix.passRoleOwnStatement'), kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: true, edits: [removal, insert] });
  }
  return proposals;
}

function addConditionFix(t: Target, title: string, operator: string, key: string, value: EditValue, preferred = false): Proposal[] {
  if (!t.statement) {return [];}
  const edit = addCondition(t.session, t.statement, operator, key, value);
  return edit ? [{ title, kind: QUICK_FIX, diagnostic: t.diagnostic, isPreferred: preferred, edits: [edit] }] : [];
}

function mergeFix(t: Target): Proposal[] {
  const into = t.data.fix?.mergeInto as JsonPath | undefined;
  const element = t.data.fix?.merge as 'Action' | 'Resource' | undefined;
  const policy = t.policy;
  const from = t.statement;
  const target = policy?.statements.find((x) => into && x.path.join('\u0000') === into.join('\u0000'));
  if (!policy || !from || !target || !element) {return [];}
  const targetList = element === 'Action' ? target.action : target.resource;
  const fromList = element === 'Action' ? from.action : from.resource;
  if (!targetList || !fromList || !policy.statementElement?.valueNode) {return [];}
  const existing = new Set(targetList.values.map((v) => v.value.trim().toLowerCase()));
  const added = fromList.values.filter((v) => !existing.has(v.value.trim().toLowerCase())).map((v) => v.value);
  return [
    {
      title: tr('fix.mergeInto', { index: policy.statements.indexOf(target) + 1 }),
      kind: QUICK_FIX,
      diagnostic: t.diagnostic,
      edits: [appendToList(t.session, targetList, added), removeEntry(policy.statementElement.valueNode, from.node)],
      safe: true,
    },
  ];
}

function expandFix(t: Target): Proposal[] {
  const found = listValueAt(t.statement, t.offset);
  if (!found) {return [];}
  const matches = t.session.catalog.matchActions(found.value.value.trim());
  if (matches.length === 0 || matches.length > 400) {return [];}
  const others = new Set(found.list.values.filter((v) => v !== found.value).map((v) => v.value.trim().toLowerCase()));
  return [
    {
      title: tr('fix.expand', { value: quote(found.value.value), count: matches.length }),
      kind: QUICK_FIX,
      diagnostic: t.diagnostic,
      edits: [replaceListValue(t.session, found.list, found.value, matches.map((a) => a.fullName).filter((a) => !others.has(a.toLowerCase())))],
    },
  ];
}

/** The quick-fixes for one of our diagnostics. */
export function quickFixes(session: EditSession, diagnostic: Diagnostic): Proposal[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data?.ruleId) {return [];}
  const t = locate(session, diagnostic, data);
  const fix = data.fix ?? {};
  switch (data.ruleId) {
    case 'service-wildcard':
    case 'star-action':
      return narrowFixes(t);
    case 'full-admin':
      return narrowFixes(t);
    case 'broad-wildcard':
      return [...narrowFixes(t), ...expandFix(t)];
    case 'resource-star':
    case 'data-exfiltration':
      return [...resourceStarFixes(t), ...splitByResourceTypeFix(t)];
    case 'resource-type-mismatch':
      return splitByResourceTypeFix(t);
    case 'passrole-star':
      return passRoleFixes(t);
    case 'permissions-management':
      return resourceStarFixes(t);
    case 'missing-version':
    case 'variable-requires-version':
      return versionFix(t);
    case 'trailing-comma':
      return trailingCommaFix(t);
    case 'bom':
      return bomFix(t);
    case 'missing-effect':
      return missingElementFix(t, 'Effect');
    case 'missing-resource':
      return missingElementFix(t, 'Resource');
    case 'redundant-action':
      return removeValueFix(t);
    case 'mergeable-statements':
      return mergeFix(t);
    case 'forallvalues-with-allow':
      return fix.addNullCheck ? addConditionFix(t, `Require ${quote(String(fix.addNullCheck))} to be present (Null: false)`, 'Null', String(fix.addNullCheck), 'false', true) : [];
    case 'public-principal':
      return addConditionFix(t, 'Limit to your organization (aws:PrincipalOrgID)', 'StringEquals', 'aws:PrincipalOrgID', new SnippetValue('"${1:o-a1b2c3d4e5}"'), true);
    case 'service-principal-without-source':
      return addConditionFix(t, 'Limit to your account (aws:SourceAccount)', 'StringEquals', 'aws:SourceAccount', new SnippetValue('"${1:111122223333}"'), true);
    case 'oidc-trust-without-sub': {
      const key = String(fix.addCondition ?? '');
      if (!key) {return [];}
      const value = key.endsWith(':aud') ? new SnippetValue(`"${key.startsWith('token.actions.githubusercontent.com') ? '${1:sts.amazonaws.com}' : '${1:client-id}'}"`) : new SnippetValue('"repo:${1:my-org}/${2:my-repo}:ref:refs/heads/${3:main}"');
      return addConditionFix(t, `Add a ${quote(key)} condition`, 'StringEquals', key, value, true);
    }
    case 'element-not-allowed':
      return removeElementFix(t);
    case 'empty-value':
      return fix.removePath ? removeElementFix(t) : [];
    case 'private-ip-in-source-ip': {
      const node = session.stringAt(session.offsetAt(diagnostic.range.start));
      const entry = t.statement?.condition?.clauses.flatMap((c) => c.entries).find((e) => e.values.some((v) => v.node === node));
      return entry ? [{ title: tr('fix.vpcSourceIp'), kind: QUICK_FIX, diagnostic, edits: [{ offset: entry.element.keyNode.offset, length: entry.element.keyNode.length, text: '"aws:VpcSourceIp"' }] }] : [];
    }
    default:
      return replacementFixes(t);
  }
}

