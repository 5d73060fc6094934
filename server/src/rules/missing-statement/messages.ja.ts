/** Japanese description and messages of the missing-statement rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーに Statement 要素がありません。',
  messages: {
    missing: 'ポリシーに "Statement" がありません。何も許可も拒否もせず、IAM はこのポリシーを拒否します。',
  },
};
export default ja;
