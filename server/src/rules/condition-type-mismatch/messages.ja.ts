/** Japanese description and messages of the condition-type-mismatch rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '条件演算子がキーの型に合っていません (例: Numeric や Date のキーに String 演算子)。',
  messages: {
    mismatch: '{{operator}} は {{family}} の値を比較しますが、"{{key}}" は {{type}} 型です。{{suggested}} を使用してください。',
    usable: '{{operator}} は "{{key}}" で動作しますが、このキーは ARN です。{{suggested}} は ARN をフィールドごとに比較します。',
  },
};
export default ja;
