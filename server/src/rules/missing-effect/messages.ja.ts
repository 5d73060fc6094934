/** Japanese description and messages of the missing-effect rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ステートメントに Effect がありません。',
  messages: {
    missing: 'このステートメントには "Effect" がありません。"Allow" または "Deny" を追加してください。',
  },
};
export default ja;
