/** Japanese description and messages of the missing-principal rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'リソースベースのポリシー、ロールの信頼ポリシー、または RCP のステートメントに Principal がありません。',
  messages: {
    missing: 'このステートメントには "Principal" がありません。{{type}}のステートメントでは、誰に適用されるかを指定する必要があります。',
  },
};
export default ja;
