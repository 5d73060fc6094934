/** Quick-fix of unknown-managed-policy: the policy's name (with its path, in an ARN) becomes the suggested one. */
import { t as tr } from '../../i18n';
import type { FixContext, FixProposal } from '../ruleApi';

export interface Payload {
  /** the replacement of the underlined text */
  text: string;
  /** the underlined text's length */
  length: number;
}

export function fix(t: FixContext<Payload>): FixProposal[] {
  const p = t.payload;
  if (!p || t.text.slice(t.offset, t.offset + p.length).includes('\n')) {
    return [];
  }
  return [
    {
      title: tr('fix.changeTo', { value: `"${p.text}"` }),
      isPreferred: true,
      edits: [{ offset: t.offset, length: p.length, text: p.text }],
    },
  ];
}
