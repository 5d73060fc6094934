/** Japanese description and messages of the whitespace-in-value rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '値の先頭または末尾に空白があるため、何にも一致しません。',
  messages: {
    whitespace: '"{{value}}" の{{where}}に空白があります。IAM は 1 文字ずつ比較するため、何にも一致しません。',
  },
};
export default ja;
