/** Japanese description and messages of the deprecated-condition-key rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '非推奨のグローバル条件キーです。',
  messages: {
    deprecated: '"{{key}}" は非推奨です。"{{replacement}}" を使用してください。',
  },
};
export default ja;
