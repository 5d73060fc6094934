/** Quick-fix of forallvalues-with-allow: require the key to be present (Null: false). */
import { t as tr } from '../../i18n';
import { addConditionFix, quote } from '../fixHelpers';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the condition key that must be present */
  addNullCheck: string;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const key = t.payload?.addNullCheck;
  return key ? addConditionFix(t, tr('fix.requirePresent', { key: quote(key) }), 'Null', key, 'false', true) : [];
}
