/**
 * Refactors offered where the cursor is, with or without a diagnostic: expand a wildcard,
 * collapse explicit actions into one, turn a string into an array, split a statement by
 * service, and add the conditions that least privilege asks for.
 */
import { t } from '../../i18n';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { PolicyDocument, PolicyString, Statement, StringList } from '../../policy/model';
import { stringLists } from '../../rules/helpers';
import { expandStatementActions } from '../../analysis/expandActions';
import type { EditSession, Proposal } from './context';
import { collapsibleWildcards, fittingActions } from '../../edits/narrow';
import { exceedsSizeLimit } from '../../rules/fixHelpers';
import {
  addCondition,
  conditionKeyName,
  insertStatementsAfter,
  removeListValues,
  replaceListValue,
  statementValue,
} from '../../edits/statementEdits';
import { isMultiline, replaceNode, SnippetValue, type EditValue, type OffsetEdit } from '../../edits/textEdits';

const REWRITE = CodeActionKind.RefactorRewrite;

function within(offset: number, node: { offset: number; length: number }): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

function listsOf(s: Statement): StringList[] {
  return stringLists(s).map((x) => x.list);
}

function expandWildcard(session: EditSession, policy: PolicyDocument, s: Statement, list: StringList, value: PolicyString): Proposal[] {
  // IAM does not trim: "ec2:* " matches no action, so there is nothing to expand
  const pattern = value.value;
  if (!/[*?]/.test(pattern) || pattern === '*' || pattern !== pattern.trim()) {
    return [];
  }
  const all = session.catalog.matchActions(pattern);
  // in Action, the actions that cannot act on the statement's resources grant nothing there: left
  // out, the list says the same; in NotAction every one counts (leaving one out would allow it)
  const fitting =
    list === s.action
      ? fittingActions(
          session.catalog,
          all,
          s.resource?.values.map((v) => v.value),
        )
      : all;
  const matches = fitting.length > 0 ? fitting : all;
  if (matches.length === 0 || matches.length > 400) {
    return [];
  }
  const others = new Set(list.values.filter((v) => v !== value).map((v) => v.value.trim().toLowerCase()));
  const edit = replaceListValue(
    session,
    list,
    value,
    matches.map((a) => a.fullName).filter((a) => !others.has(a.toLowerCase())),
  );
  if (exceedsSizeLimit(session, policy, edit)) {
    return [];
  }
  const title =
    matches.length < all.length
      ? t('refactor.expandFitting', { pattern, count: matches.length })
      : t('refactor.expand', { pattern, count: matches.length });
  return [{ title, kind: REWRITE, edits: [edit] }];
}

function collapse(session: EditSession, list: StringList): Proposal[] {
  const explicit = list.values.filter((v) => !/[*?]/.test(v.value));
  const proposals: Proposal[] = [];
  for (const { wildcard, covered } of collapsibleWildcards(
    session.catalog,
    explicit.map((v) => v.value.trim()),
  )) {
    const lower = new Set(covered.map((c) => c.toLowerCase()));
    const members = explicit.filter((v) => lower.has(v.value.trim().toLowerCase()));
    const [first, ...rest] = members;
    const edits: OffsetEdit[] = [replaceListValue(session, list, first, [wildcard]), ...removeListValues(list, rest)];
    proposals.push({
      title: t('refactor.collapse', { count: members.length, prefix: wildcard.replace('*', '…'), wildcard }),
      kind: REWRITE,
      edits,
    });
  }
  return proposals;
}

function toArray(session: EditSession, list: StringList): Proposal[] {
  const node = list.element.valueNode;
  if (!node || node.type !== 'string') {
    return [];
  }
  return [
    {
      title: t('refactor.toArray', { element: list.element.name }),
      kind: REWRITE,
      edits: [replaceNode(session.text, node, [String(node.value)], session.style, true)],
    },
  ];
}

function splitByService(session: EditSession, policy: PolicyDocument, s: Statement): Proposal[] {
  if (!s.action || s.action.values.some((v) => v.dynamic)) {
    return [];
  }
  const byService = new Map<string, string[]>();
  for (const v of s.action.values) {
    const service = v.value.trim() === '*' ? '*' : v.value.trim().split(':')[0].toLowerCase();
    byService.set(service, [...(byService.get(service) ?? []), v.value]);
  }
  if (byService.size < 2 || byService.has('*')) {
    return [];
  }
  // the first keeps the Sid where the statement has it; the others have none (a Sid is unique)
  const statements = [...byService.values()].map((actions, i) =>
    statementValue(session, policy, s, { Action: actions.length === 1 ? actions[0] : actions, ...(i > 0 ? { Sid: undefined } : {}) }),
  );
  const [first, ...rest] = statements;
  const title = t('refactor.splitByService', { services: [...byService.keys()].join(', ') });
  const element = policy.statementElement?.valueNode;
  if (element && element.type !== 'array') {
    // "Statement": {...} becomes an array of the new statements, in one edit (two edits of the
    // same range would be an invalid WorkspaceEdit)
    if (element !== s.node) {
      return [];
    }
    return [{ title, kind: REWRITE, edits: [replaceNode(session.text, element, statements, session.style, false)] }];
  }
  const insert = insertStatementsAfter(session, policy, s, rest);
  if (!insert) {
    return [];
  }
  return [
    {
      title,
      kind: REWRITE,
      edits: [replaceNode(session.text, s.node, first, session.style, !isMultiline(session.text, s.node)), insert],
    },
  ];
}

function conditions(session: EditSession, policy: PolicyDocument, s: Statement): Proposal[] {
  if (s.effect?.value !== 'Allow') {
    return [];
  }
  const out: Proposal[] = [];
  const present = new Set((s.condition?.clauses ?? []).flatMap((c) => c.entries.map((e) => e.key.toLowerCase())));
  const add = (title: string, operator: string, key: string | SnippetValue, value: EditValue) => {
    // a key the statement already tests is the user's choice: never rewrite (or contradict) it
    if (present.has(conditionKeyName(key).toLowerCase())) {
      return;
    }
    const edit = addCondition(session, s, operator, key, value);
    if (edit) {
      out.push({ title, kind: REWRITE, edits: [edit] });
    }
  };
  add(t('refactor.mfa'), 'Bool', 'aws:MultiFactorAuthPresent', 'true');
  add(t('refactor.regions'), 'StringEquals', 'aws:RequestedRegion', [new SnippetValue('"${1:eu-west-1}"')]);
  // only where every action of the statement has the key: elsewhere the statement would never apply
  const tagKey = session.catalog.conditionKey('aws:ResourceTag/Project');
  const actions = expandStatementActions(s, session.catalog).actions;
  if (tagKey && actions.length > 0 && actions.every((a) => session.catalog.actionSupportsKey(a, tagKey))) {
    add(t('refactor.resourceTag'), 'StringEquals', new SnippetValue('"aws:ResourceTag/${1:Project}"'), new SnippetValue('"${2:value}"'));
  }
  // an Allow cannot say "this IP, or an AWS service acting for me": a Deny beside it can
  if ((s.action ?? s.notAction) && (s.resource || s.notResource)) {
    // the Deny names only the actions that act on these resources: the others grant nothing here,
    // and in a Deny they would read as a miss (resource-type-mismatch)
    const values = s.action?.values ?? [];
    const resources = s.resource?.values.map((v) => v.value);
    const misses = values.filter((v) => {
      const info = /[*?]/.test(v.value) ? undefined : session.catalog.action(v.value.trim());
      return !!info && fittingActions(session.catalog, [info], resources).length === 0;
    });
    let actionOverride: EditValue | undefined;
    if (misses.length > 0 && misses.length < values.length) {
      const kept = values.filter((v) => !misses.includes(v)).map((v) => v.value);
      actionOverride = kept.length === 1 ? kept[0] : kept;
    }
    const deny = statementValue(
      session,
      policy,
      s,
      {
        Sid: undefined,
        Effect: 'Deny',
        ...(actionOverride !== undefined ? { Action: actionOverride } : {}),
        Condition: {
          NotIpAddress: { 'aws:SourceIp': [new SnippetValue('"${1:203.0.113.0/24}"')] },
          Bool: { 'aws:ViaAWSService': 'false' },
        },
      },
      ['Sid', 'Condition'],
    );
    const insert = insertStatementsAfter(session, policy, s, [deny]);
    if (insert) {
      out.push({ title: t('refactor.sourceIp'), kind: REWRITE, edits: [insert] });
    }
  }
  return out;
}

export function refactors(session: EditSession, offset: number): Proposal[] {
  const found = session.statementAt(offset);
  if (!found) {
    return [];
  }
  const { policy, statement } = found;
  const out: Proposal[] = [];
  for (const list of listsOf(statement)) {
    if (!within(offset, list.element.propertyNode)) {
      continue;
    }
    const value = list.values.find((v) => within(offset, v.node));
    if (value && (list === statement.action || list === statement.notAction)) {
      out.push(...expandWildcard(session, policy, statement, list, value));
    }
    if (list === statement.action || list === statement.notAction) {
      out.push(...collapse(session, list));
    }
    out.push(...toArray(session, list));
  }
  // a statement the parser had to repair (a truncated document, a missing comma) has no reliable
  // end to insert at: restructuring it would add syntax errors, so only in-place rewrites are offered
  const end = statement.node.offset + statement.node.length;
  if (!policy.tree.errors.some((e) => e.offset >= statement.node.offset && e.offset <= end)) {
    out.push(...splitByService(session, policy, statement));
    out.push(...conditions(session, policy, statement));
  }
  return out;
}
