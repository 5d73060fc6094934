/** Japanese description and messages of the bom rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ファイルがバイトオーダーマーク (BOM) で始まっており、一部の AWS ツールはこれを拒否します。',
  messages: {
    bom: 'ファイルが UTF-8 のバイトオーダーマークで始まっています。`aws iam create-policy --policy-document file://...` などのツールは MalformedPolicyDocument で失敗します。BOM なしの UTF-8 で保存してください。',
  },
};
export default ja;
