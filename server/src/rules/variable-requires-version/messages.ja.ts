/** Japanese description and messages of the variable-requires-version rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Version "2012-10-17" なしでポリシー変数が使われているため、IAM はそれらをただの文字列として扱います。',
  messages: {
    literal: '{{variable}} は文字どおりに比較されます。ポリシー変数には "Version": "2012-10-17" が必要です ({{why}})。',
  },
};
export default ja;
