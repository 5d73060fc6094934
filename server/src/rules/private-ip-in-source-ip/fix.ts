/** Quick-fix of private-ip-in-source-ip: use aws:VpcSourceIp instead of aws:SourceIp. */
import { t as tr } from '../../i18n';
import type { FixContext, FixProposal } from '../ruleApi';

export type Payload = undefined;

export function fix(t: FixContext<Payload>): FixProposal[] {
  const node = t.stringAt(t.offset);
  const entry = t.statement?.condition?.clauses.flatMap((c) => c.entries).find((e) => e.values.some((v) => v.node === node));
  return entry
    ? [
        {
          title: tr('fix.vpcSourceIp'),
          edits: [{ offset: entry.element.keyNode.offset, length: entry.element.keyNode.length, text: '"aws:VpcSourceIp"' }],
        },
      ]
    : [];
}
