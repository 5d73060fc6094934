/** Japanese description and messages of the missing-resource rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ステートメントに Resource も NotResource もありません (ロールの信頼ポリシー以外のすべてのポリシータイプで必須です)。',
  messages: {
    missing: 'このステートメントには "Resource" (または "NotResource") がありません。{{type}}では IAM がこれを拒否します。',
  },
};
export default ja;
