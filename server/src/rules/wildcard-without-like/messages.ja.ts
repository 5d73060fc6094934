/** Japanese description and messages of the wildcard-without-like rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '条件の値に * や ? が含まれていますが、演算子は文字どおりに比較します。',
  messages: {
    literal:
      '"{{value}}" には "{{char}}" が含まれていますが、{{operator}} は文字どおりに比較します。ワイルドカードで一致させるには {{fixed}} を使用してください。',
  },
};
export default ja;
