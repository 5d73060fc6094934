/** Quick-fix of bom: remove the byte-order mark. */
import { t as tr } from '../../i18n';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  if (t.text.charCodeAt(0) !== 0xfeff) {
    return [];
  }
  return [{ title: tr('fix.bom'), isPreferred: true, edits: [{ offset: 0, length: 1, text: '' }], safe: true }];
}
