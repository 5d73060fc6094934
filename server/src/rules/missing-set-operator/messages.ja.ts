/** Japanese description and messages of the missing-set-operator rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '複数値の条件キーが ForAnyValue や ForAllValues なしでテストされています。',
  messages: {
    missing:
      '"{{key}}" は複数の値を持つことがあります。ForAnyValue:{{operator}} (少なくとも 1 つ) または ForAllValues:{{operator}} (すべて) で一致のしかたを指定してください。',
  },
};
export default ja;
