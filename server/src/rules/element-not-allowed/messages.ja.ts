/** Japanese description and messages of the element-not-allowed rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'ステートメントが、そのポリシータイプでサポートされない要素を使用しています (例: アイデンティティベースのポリシーの Principal)。',
  messages: {
    notAllowed: '"{{element}}" は{{type}}ではサポートされていません: {{why}}。',
  },
};
export default ja;
