/** Japanese description and messages of the trailing-comma rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '閉じ括弧の直前のカンマは有効な JSON ではありません。',
  messages: {
    trailing: '末尾にカンマがあります。IAM はこのポリシーを拒否します。',
  },
};
export default ja;
