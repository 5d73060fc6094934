/** Japanese description and messages of the old-version rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Version "2008-10-17" は古いポリシー言語です。"2012-10-17" を使用してください。',
  messages: {
    old: '"2008-10-17" は古いポリシー言語で、ポリシー変数が置き換えられません。"2012-10-17" を使用してください。',
  },
};
export default ja;
