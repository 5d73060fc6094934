/** Japanese description and messages of the duplicate-key rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '同じオブジェクトに同じキーが 2 回あり、一方の値は黙って無視されます。',
  messages: {
    duplicate: 'キー "{{key}}" が重複しています。どちらか一方の値しか有効になりません (IAM がポリシーを拒否することもあります)。',
    caseDuplicate:
      '"{{key}}" は "{{other}}" と重複しています。条件演算子と条件キーは大文字と小文字を区別しないため、一方しか有効になりません。',
  },
};
export default ja;
