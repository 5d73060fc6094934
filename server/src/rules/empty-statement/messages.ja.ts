/** Japanese description and messages of the empty-statement rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Statement が空の配列または空のオブジェクトです。',
  messages: {
    emptyArray: '"Statement" が空です。このポリシーは何も許可も拒否もしません。',
    emptyObject: 'このステートメントは空です。少なくとも Effect と Action が必要です。',
  },
};
export default ja;
