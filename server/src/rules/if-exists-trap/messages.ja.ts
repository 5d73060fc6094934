/** Japanese description and messages of the if-exists-trap rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow が、セキュリティ境界を定めるキーに ...IfExists 演算子を使用しているため、キーのないリクエストが通過します。',
  messages: {
    trap: '{{operator}} は "{{key}}" のないリクエスト ({{absent}}) にも一致するため、この Allow はキーで制限されません。"{{fixed}}" を使用してください。',
  },
};
export default ja;
