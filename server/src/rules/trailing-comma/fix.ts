/** Quick-fix of trailing-comma: remove the comma. */
import { t as tr } from '../../i18n';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** offset of the comma in the file */
  removeOffset: number;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const offset = t.payload?.removeOffset;
  if (offset === undefined || t.text[offset] !== ',') {
    return [];
  }
  return [{ title: tr('fix.trailingComma'), isPreferred: true, edits: [{ offset, length: 1, text: '' }], safe: true }];
}
