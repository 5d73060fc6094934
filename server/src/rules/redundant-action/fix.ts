/** Quick-fix of redundant-action: remove the duplicate or covered action. */
import { t as tr } from '../../i18n';
import { removeListValue } from '../../edits/statementEdits';
import { listValueAt, quote } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const found = listValueAt(t);
  if (!found) {
    return [];
  }
  const edit = removeListValue(found.list, found.value);
  if (!edit) {
    return [];
  }
  return [{ title: tr('fix.remove', { value: quote(found.value.value) }), isPreferred: true, edits: [edit], safe: true }];
}
