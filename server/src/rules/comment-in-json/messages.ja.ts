/** Japanese description and messages of the comment-in-json rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '厳密な JSON として保存されるポリシーにはコメントを書けません。',
  messages: {
    comment:
      'JSON ではコメントを使用できないため、IAM はこのポリシーを拒否します。コメントを削除するか、ビルド時にコメントを除去する場合はファイル名を .jsonc にしてください。',
  },
};
export default ja;
