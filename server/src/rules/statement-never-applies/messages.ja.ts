/** Japanese description and messages of the statement-never-applies rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '条件が決して true にならない (過去の日付) ステートメントは、決して適用されません。',
  messages: {
    date: 'このステートメントは決して適用されません: {{reason}}。削除するか、日付を修正してください。',
  },
};
export default ja;
