/** Quick-fix of mergeable-statements: merge the statement into the earlier one. */
import { t as tr } from '../../i18n';
import type { JsonPath } from '../../syntax/jsonPath';
import { appendToList } from '../../edits/statementEdits';
import { removeEntry } from '../../edits/textEdits';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the statement to merge into */
  mergeInto: JsonPath;
  /** the element whose values move */
  merge: 'Action' | 'Resource';
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const into = t.payload?.mergeInto;
  const element = t.payload?.merge;
  const policy = t.policy;
  const from = t.statement;
  const target = policy?.statements.find((x) => into && x.path.join('\u0000') === into.join('\u0000'));
  if (!policy || !from || !target || !element) {
    return [];
  }
  const targetList = element === 'Action' ? target.action : target.resource;
  const fromList = element === 'Action' ? from.action : from.resource;
  if (!targetList || !fromList || !policy.statementElement?.valueNode) {
    return [];
  }
  const existing = new Set(targetList.values.map((v) => v.value.trim().toLowerCase()));
  const added = fromList.values.filter((v) => !existing.has(v.value.trim().toLowerCase())).map((v) => v.value);
  return [
    {
      title: tr('fix.mergeInto', { index: policy.statements.indexOf(target) + 1 }),
      edits: [appendToList(t, targetList, added), removeEntry(policy.statementElement.valueNode, from.node)],
      safe: true,
    },
  ];
}
