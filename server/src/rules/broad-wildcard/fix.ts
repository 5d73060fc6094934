/** Quick-fix of broad-wildcard: narrow the wildcard, or expand it into the actions it matches. */
import { t as tr } from '../../i18n';
import { replaceListValue } from '../../edits/statementEdits';
import { listValueAt, narrowFixes, quote } from '../fixHelpers';
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
  const matches = t.catalog.matchActions(pattern);
  if (matches.length === 0 || matches.length > 400) {
    return [];
  }
  const others = new Set(found.list.values.filter((v) => v !== found.value).map((v) => v.value.trim().toLowerCase()));
  return [
    {
      title: tr('fix.expand', { value: quote(found.value.value), count: matches.length }),
      edits: [
        replaceListValue(
          t,
          found.list,
          found.value,
          matches.map((a) => a.fullName).filter((a) => !others.has(a.toLowerCase())),
        ),
      ],
    },
  ];
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  return [...narrowFixes(t), ...expandFix(t)];
}
