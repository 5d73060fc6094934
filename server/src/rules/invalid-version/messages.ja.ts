/** Japanese description and messages of the invalid-version rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Version は "2012-10-17" (または古い "2008-10-17") でなければなりません。',
  messages: {
    invalid:
      '"{{value}}" はポリシー言語のバージョンではありません。"2012-10-17" を使用してください (Version はポリシー言語のバージョンで、ポリシーを書いた日付ではありません)。',
  },
};
export default ja;
