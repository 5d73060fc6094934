/** Japanese description and messages of the invalid-effect rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Effect は "Allow" または "Deny" のいずれかでなければなりません。',
  messages: {
    invalid: '"{{value}}" は有効な Effect ではありません。"Allow" または "Deny" を使用してください (大文字と小文字を区別します)。',
  },
};
export default ja;
