/** Quick-fix of broad-wildcard: narrow the wildcard, or expand it into the actions it matches. */
import { t as tr } from '../../i18n';
import { replaceListValue } from '../../edits/statementEdits';
import { fittingActions } from '../../edits/narrow';
import { exceedsSizeLimit, listValueAt, narrowFixes, quote } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

function expandFix(t: FixContext<Payload>): FixProposal[] {
  const found = listValueAt(t);
  if (!found) {
    return [];
  }
  // IAM does not trim: " s3:Get*" matches no action, and expanding it would grant them all
  const pattern = found.value.value;
  if (pattern !== pattern.trim()) {
    return [];
  }
  const all = t.catalog.matchActions(pattern);
  // in Action, the actions that cannot act on the statement's resources grant nothing there: left
  // out, the list says the same without resource-type mismatches; in NotAction every one counts
  const fitting =
    found.list === t.statement?.action
      ? fittingActions(
          t.catalog,
          all,
          t.statement.resource?.values.map((v) => v.value),
        )
      : all;
  const matches = fitting.length > 0 ? fitting : all;
  if (matches.length === 0 || matches.length > 400) {
    return [];
  }
  const others = new Set(found.list.values.filter((v) => v !== found.value).map((v) => v.value.trim().toLowerCase()));
  const edit = replaceListValue(
    t,
    found.list,
    found.value,
    matches.map((a) => a.fullName).filter((a) => !others.has(a.toLowerCase())),
  );
  // a policy past its size limit cannot be saved in AWS: no such expansion
  if (exceedsSizeLimit(t, t.policy, edit)) {
    return [];
  }
  return [{ title: tr('fix.expand', { value: quote(found.value.value), count: matches.length }), edits: [edit] }];
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  return [...narrowFixes(t), ...expandFix(t)];
}
