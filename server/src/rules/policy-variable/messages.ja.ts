/** Japanese description and messages of the policy-variable rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシー変数の書式が不正、不明、または IAM が変数を置き換えない場所で使われています。',
  messages: {
    unclosed: '{{variable}} に閉じる "}" がありません。',
    empty: '"${}" は変数を指定していません。',
    space: '{{variable}}: ポリシー変数の中に空白は使用できません。',
    unknown: '{{variable}}: "{{name}}" は既知の条件キーではないため、置き換えられることはありません (IAM データ: {{date}})。',
    element: '{{variable}} は {{element}} では置き換えられません。変数が使えるのは Resource と条件の値だけです。',
  },
};
export default ja;
