/**
 * Quick-fix of passrole-star: add iam:PassedToService, limit to the roles, or move PassRole into
 * its own statement. Values come from the document: the role ARNs (or the account id) it names,
 * the service it passes roles to (an iam:PassedToService it tests, else its actions' services);
 * what it does not say becomes a `<Name>` placeholder that a diagnostic asks to fill in.
 */
import { t as tr } from '../../i18n';
import { addCondition, insertStatementsAfter, removeListValue, replaceListValue, statementValue } from '../../edits/statementEdits';
import { SnippetValue, type EditValue } from '../../edits/textEdits';
import { ArnDeriver, passedToServices } from '../derivedValues';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const s = t.statement;
  const passRole = t.catalog.action('iam:PassRole');
  if (!s?.action || !t.policy || !passRole) {
    return [];
  }
  const actions = s.action.values.map((v) => v.value);
  const services = passedToServices(t.policy, actions);
  const service: EditValue =
    services.length === 0 ? new SnippetValue('"${3:<ServicePrincipal>}"') : services.length === 1 ? services[0] : services;
  const deriver = new ArnDeriver(t.catalog, t.file);
  const roleType = t.catalog.resourceTypesOf(passRole).find((x) => x.name === 'role');
  const roles = roleType ? deriver.existing(roleType) : [];
  const resource: EditValue[] = roles.length > 0 ? roles : roleType ? [deriver.valueFor(roleType)] : [];
  if (resource.length === 0) {
    return [];
  }
  const onlyPassRole = s.action.values.length === 1 && /^iam:PassRole$/i.test(s.action.values[0].value.trim());
  const proposals: FixProposal[] = [];
  if (onlyPassRole) {
    const edit = addCondition(t, s, 'StringEquals', 'iam:PassedToService', service);
    if (edit) {
      proposals.push({ title: tr('fix.passedToService'), isPreferred: true, edits: [edit] });
    }
    const star = s.resource?.values.find((v) => v.value.trim() === '*');
    if (star && s.resource) {
      proposals.push({ title: tr('fix.passRoleOneRole'), edits: [replaceListValue(t, s.resource, star, resource)] });
    }
    return proposals;
  }
  const entry = s.action.values.find((v) => /^iam:PassRole$/i.test(v.value.trim()));
  const removal = entry ? removeListValue(s.action, entry) : undefined;
  // a new statement with the keys in the order this statement uses
  const moved = statementValue(
    t,
    t.policy,
    s,
    {
      Sid: undefined,
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: resource.length === 1 ? resource[0] : resource,
      // the statement's own conditions stay (dropping one would widen); else the service
      ...(s.condition ? {} : { Condition: { StringEquals: { 'iam:PassedToService': service } } }),
    },
    ['Principal', 'NotPrincipal', 'NotAction', 'NotResource'],
  );
  const insert = insertStatementsAfter(t, t.policy, s, [moved]);
  if (removal && insert) {
    proposals.push({ title: tr('fix.passRoleOwnStatement'), isPreferred: true, edits: [removal, insert] });
  }
  return proposals;
}
