/** Japanese description and messages of the invalid-action-format rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'アクションが service:Action (または "*") の形式ではありません。',
  messages: {
    format: '"{{value}}" はアクションではありません。service:Action の形式 (例: "s3:GetObject") で書いてください。{{suggestion}}',
    serviceWildcard:
      '"{{value}}": サービスのプレフィックスにワイルドカードがあると、意図しないサービス (今後追加されるサービスを含む) に一致することがあります。サービスを明示してください。',
  },
};
export default ja;
