/** Japanese description and messages of the redundant-action rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'アクションが 2 回列挙されているか、同じステートメントのワイルドカードですでに一致しています。',
  messages: {
    duplicate: '"{{value}}" がこのステートメントに 2 回列挙されています。',
    covered: '"{{value}}" はこのステートメントの "{{by}}" ですでに一致しています。',
  },
};
export default ja;
