/**
 * Quick-fix builders shared by several rules' `fix.ts` (a fix used by one rule lives in that rule's
 * folder). Each returns proposals that edit only the nodes they change.
 */
import { t as tr } from '../i18n';
import type { ActionInfo, IamCatalog, ResourceTypeInfo } from '../catalog/catalog';
import { expandStatementActions } from '../analysis/expandActions';
import type { PolicyDocument, PolicyString, StringList } from '../policy/model';
import { LIMITS, minifiedLength } from './policy-size/rule';
import type { JsonPath } from '../syntax/jsonPath';
import { narrowingOptions } from '../edits/narrow';
import { addCondition, insertStatementsAfter, removeListValues, replaceListValue, statementValue } from '../edits/statementEdits';
import { insertProperty, isMultiline, removeEntry, replaceNode, SnippetValue, type EditValue, type OffsetEdit } from '../edits/textEdits';
import { stringLists } from './helpers';
import { ArnDeriver } from './derivedValues';
import type { FixContext, FixProposal } from './ruleApi';

export function quote(value: string): string {
  return JSON.stringify(value);
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.join('\u0000') === b.join('\u0000');
}

/** The list value (action, resource, principal) that the finding underlines. */
export function listValueAt(t: FixContext<unknown>): { list: StringList; value: PolicyString } | undefined {
  if (!t.statement) {
    return undefined;
  }
  for (const { list } of stringLists(t.statement)) {
    const value = list.values.find((v) => v.node.offset === t.offset);
    if (value) {
      return { list, value };
    }
  }
  return undefined;
}

/** The payload of "Change to X" fixes. */
export interface ReplacementPayload {
  replacements: string[];
  /** rename the operator of this condition clause (the finding underlines one of its keys) */
  operatorPath?: JsonPath;
}

/** "Change to X": the underlined string (a value, or a key; or the clause's operator with `operatorPath`) becomes X. */
export function replacementFixes(t: FixContext<ReplacementPayload>, safe = false): FixProposal[] {
  const replacements = t.payload?.replacements ?? [];
  if (replacements.length === 0) {
    return [];
  }
  const operatorPath = t.payload?.operatorPath;
  let node = t.stringAt(t.offset);
  if (operatorPath && t.statement) {
    // the fix renames the operator of the clause that holds the underlined key
    const clause = t.statement.condition?.clauses.find((c) => samePath(c.element.path, operatorPath));
    node = clause?.element.keyNode;
    if (clause && t.statement.condition?.clauses.some((c) => c !== clause && replacements.includes(c.operator))) {
      // renaming would duplicate an operator key: leave it to the user
      return [];
    }
  }
  if (!node) {
    return [];
  }
  const target = node;
  return replacements.map((r, i) => ({
    title: tr('fix.changeTo', { value: quote(r) }),
    isPreferred: i === 0 && replacements.length === 1,
    edits: [{ offset: target.offset, length: target.length, text: quote(r) }],
    safe,
  }));
}

/** Remove an element of the statement (`removePath`). */
export function removeElementFix(t: FixContext<unknown>, path: JsonPath | undefined): FixProposal[] {
  if (!path || !t.statement) {
    return [];
  }
  const element = t.statement.elements.find((e) => samePath(e.path, path));
  if (!element) {
    return [];
  }
  const empty = element.valueNode?.type === 'object' && (element.valueNode.children?.length ?? 0) === 0;
  return [
    {
      title: tr('fix.remove', { value: `"${element.name}"` }),
      isPreferred: true,
      edits: [removeEntry(t.statement.node, element.propertyNode)],
      safe: empty && element.name === 'Condition',
    },
  ];
}

/** Add `"Version": "2012-10-17"`, or change the one there. */
export function versionFix(t: FixContext<unknown>): FixProposal[] {
  const policy = t.policy;
  if (!policy?.root || policy.root.type !== 'object') {
    return [];
  }
  const existing = policy.elements.find((e) => e.name === 'Version');
  const edit: OffsetEdit = existing?.valueNode
    ? { offset: existing.valueNode.offset, length: existing.valueNode.length, text: '"2012-10-17"' }
    : insertProperty(t.text, policy.root, 'Version', '2012-10-17', t.style, 'first');
  return [{ title: tr(existing ? 'fix.changeVersion' : 'fix.addVersion'), isPreferred: true, edits: [edit] }];
}

/** Add a missing Effect or Resource to the statement, with a place to type. */
export function missingElementFix(t: FixContext<unknown>, name: 'Effect' | 'Resource'): FixProposal[] {
  if (!t.statement) {
    return [];
  }
  const value: EditValue = name === 'Effect' ? new SnippetValue('"${1|Allow,Deny|}"') : new SnippetValue('"${1:*}"');
  return [
    {
      title: tr('fix.add', { name: `"${name}"` }),
      isPreferred: true,
      edits: [insertProperty(t.text, t.statement.node, name, value, t.style)],
    },
  ];
}

/**
 * Would the edit take the policy past the size AWS accepts for its type? A list of actions that
 * does not fit helps nobody: such an option is not offered.
 */
export function exceedsSizeLimit(s: { text: string }, policy: PolicyDocument | undefined, edit: OffsetEdit): boolean {
  const root = policy?.root;
  if (!policy || !root) {
    return false;
  }
  const limit = LIMITS[policy.policyType];
  const size = (from: string, start = 0, end = from.length) => (limit.whitespaceCounts ? end - start : minifiedLength(from, start, end));
  const before = size(s.text, root.offset, root.offset + root.length);
  const after = before - size(s.text, edit.offset, edit.offset + edit.length) + size(edit.text);
  return after > limit.limit && after > before;
}

/** Narrow a wildcard (`s3:*`, `s3:Get*`, `*`) to explicit actions. */
export function narrowFixes(t: FixContext<unknown>): FixProposal[] {
  const found = listValueAt(t);
  if (!found || found.list !== t.statement?.action) {
    return [];
  }
  // IAM does not trim: "ec2:* " matches no action, so no list of actions narrows it
  const pattern = found.value.value;
  if (pattern !== pattern.trim()) {
    return [];
  }
  const others = new Set(found.list.values.filter((v) => v !== found.value).map((v) => v.value.trim().toLowerCase()));
  const resources = t.statement.resource?.values.map((v) => v.value);
  const options = narrowingOptions(t.catalog, t.file, pattern, found.value.node.offset, resources);
  const proposals = options.map((o) => ({
    title: tr('fix.replaceWith', { value: quote(pattern), option: o.title }),
    usedElsewhere: !!o.usedElsewhere,
    edit: replaceListValue(
      t,
      found.list,
      found.value,
      o.actions.filter((a) => !others.has(a.toLowerCase())),
    ),
  }));
  const fitting = proposals.filter((p) => !exceedsSizeLimit(t, t.policy, p.edit));
  // preferred: the actions the file already uses, else the first (read-only) narrowing; never wider
  const preferred = Math.max(
    0,
    fitting.findIndex((p) => p.usedElsewhere),
  );
  return fitting.map((p, i) => ({ title: p.title, isPreferred: i === preferred, edits: [p.edit] }));
}

/** Add a condition to the statement. */
export function addConditionFix(
  t: FixContext<unknown>,
  title: string,
  operator: string,
  key: string,
  value: EditValue,
  preferred = false,
): FixProposal[] {
  if (!t.statement) {
    return [];
  }
  const edit = addCondition(t, t.statement, operator, key, value);
  return edit ? [{ title, isPreferred: preferred, edits: [edit] }] : [];
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
function typesOfActions(actions: ActionInfo[], catalog: IamCatalog): ResourceTypeInfo[] {
  const out: ResourceTypeInfo[] = [];
  for (const a of actions) {
    for (const type of primaryResourceTypes(catalog, a)) {
      if (!out.includes(type)) {
        out.push(type);
      }
    }
  }
  return out;
}

/** `"Resource": "*"` -> ARN templates (or split off the actions that only take "*"). */
export function resourceStarFixes(t: FixContext<unknown>): FixProposal[] {
  const s = t.statement;
  if (!s?.resource || !t.policy) {
    return [];
  }
  const star = s.resource.values.find((v) => v.value.trim() === '*');
  if (!star) {
    return [];
  }
  const actions = expandStatementActions(s, t.catalog).actions;
  const needStar = actions.filter((a) => t.catalog.resourceTypesOf(a).length === 0);
  const scoped = actions.filter((a) => t.catalog.resourceTypesOf(a).length > 0);
  if (scoped.length === 0 || actions.length > 300) {
    return [];
  }
  // ARNs derived from what the file names (bucket, account, Region), placeholders for the rest
  const deriver = new ArnDeriver(t.catalog, t.file);
  const arns = [...new Set(typesOfActions(scoped, t.catalog).map((x) => deriver.snippetFor(x)))].map((a) => new SnippetValue(`"${a}"`));
  if (needStar.length === 0) {
    return [{ title: tr('fix.resourceArns'), isPreferred: true, edits: [replaceListValue(t, s.resource, star, arns)] }];
  }
  // keep "*" for the actions that need it, in a statement of their own
  const explicit = s.action?.values.every((v) => !/[*?]/.test(v.value)) ?? false;
  if (!explicit || !s.action) {
    return [];
  }
  const starNames = new Set(needStar.map((a) => a.fullName.toLowerCase()));
  const keep = s.action.values.filter((v) => !starNames.has(v.value.trim().toLowerCase()));
  const move = s.action.values.filter((v) => starNames.has(v.value.trim().toLowerCase()));
  if (keep.length === 0 || move.length === 0) {
    return [];
  }
  const removals = removeListValues(s.action, move);
  const edits: OffsetEdit[] = [...removals, replaceListValue(t, s.resource, star, arns)];
  const moved = statementValue(
    t,
    t.policy,
    s,
    { Sid: undefined, Action: move.length === 1 ? move[0].value : move.map((v) => v.value), Resource: '*' },
    ['Sid'],
  );
  const insert = insertStatementsAfter(t, t.policy, s, [moved]);
  if (!insert || removals.length === 0) {
    return [];
  }
  return [
    {
      title: tr('fix.splitStar', { count: keep.length, actions: move.map((v) => v.value).join(', ') }),
      edits: [...edits, insert],
    },
  ];
}

/**
 * Split a statement so each group of actions gets resources it acts on (S3 bucket vs object). An
 * action keeps the statement's resources that fit it; one that fits none gets ARNs derived from
 * them (the bucket of an object ARN, the objects of a bucket ARN: `arn:aws:s3:::my-bucket/*`) with
 * placeholders only for what the document does not say. An action that needs "*" keeps the
 * statement's resources: the split never widens it to "*" nor drops its name.
 */
export function splitByResourceTypeFix(t: FixContext<unknown>): FixProposal[] {
  const s = t.statement;
  const policy = t.policy;
  if (!s?.action || !s.resource || !policy || s.action.values.some((v) => /[*?]/.test(v.value) || v.dynamic)) {
    return [];
  }
  if (s.resource.values.some((v) => v.dynamic || v.value.trim() === '*')) {
    return [];
  }
  const resources = s.resource.values.map((v) => v.value);
  const deriver = new ArnDeriver(t.catalog, t.file, resources);
  const groups = new Map<string, { actions: string[]; resources: EditValue[] }>();
  for (const v of s.action.values) {
    const a = t.catalog.action(v.value.trim());
    if (!a) {
      return [];
    }
    const types = t.catalog.resourceTypesOf(a);
    const fit = resources.filter((r) => t.catalog.resourceTypesMatching(r.trim()).some((x) => types.includes(x)));
    let chosen: EditValue[];
    let key: string;
    if (fit.length > 0 || types.length === 0) {
      chosen = fit.length > 0 ? fit : resources;
      key = JSON.stringify(chosen);
    } else {
      const derived = [...new Set(primaryResourceTypes(t.catalog, a).map((x) => deriver.snippetFor(x)))];
      chosen = derived.map((d) => new SnippetValue(`"${d}"`));
      key = JSON.stringify(derived);
    }
    const g = groups.get(key) ?? { actions: [], resources: chosen };
    g.actions.push(v.value);
    groups.set(key, g);
  }
  if (groups.size < 2 || groups.size > 6) {
    return [];
  }
  // the first keeps the Sid where the statement has it; the others have none (a Sid is unique)
  const statements = [...groups.values()].map((g, i) =>
    statementValue(t, policy, s, {
      Action: g.actions.length === 1 ? g.actions[0] : g.actions,
      Resource: g.resources.length === 1 ? g.resources[0] : g.resources,
      ...(i > 0 ? { Sid: undefined } : {}),
    }),
  );
  const [first, ...rest] = statements;
  const replaceFirst = replaceNode(t.text, s.node, first, t.style, !isMultiline(t.text, s.node));
  const insert = insertStatementsAfter(t, policy, s, rest);
  if (!insert || insert.offset !== s.node.offset + s.node.length) {
    return [];
  }
  return [{ title: tr('fix.splitByType', { count: groups.size }), edits: [replaceFirst, insert] }];
}
