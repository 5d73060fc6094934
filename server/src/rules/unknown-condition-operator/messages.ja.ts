/** Japanese description and messages of the unknown-condition-operator rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'IAM が定義していない条件演算子です。',
  messages: {
    unknown: '"{{operator}}" は条件演算子ではありません。{{suggestion}}',
    qualifier: '"{{qualifier}}" は集合演算子の修飾子ではありません。ForAnyValue または ForAllValues を使用してください。',
    nullIfExists: '"NullIfExists" は無効です。Null はすでにキーが存在するかどうかをテストします。"Null" を使用してください。',
    caseMismatch: '"{{canonical}}" と書いてください。演算子はこの綴りで定義されています。',
  },
};
export default ja;
