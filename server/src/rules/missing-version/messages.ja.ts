/** Japanese description and messages of the missing-version rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーに Version がないため、IAM は古い 2008-10-17 のポリシー言語を使用します。',
  messages: {
    missing:
      '"Version": "2012-10-17" を追加してください。ない場合、IAM は 2008-10-17 のポリシー言語を使用し、ポリシー変数をただの文字列として扱います。',
  },
};
export default ja;
