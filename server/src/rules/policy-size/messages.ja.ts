/** Japanese description and messages of the policy-size rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーが、そのタイプで AWS が受け付けるサイズを超えています (または上限に近づいています)。',
  messages: {
    over: 'ポリシーは{{counting}} {{count}} 文字で、{{what}}の上限 {{limit}} 文字を超えています。ポリシーを分割するか、冗長なアクションや空白を削除してください。',
    near: 'ポリシーは{{counting}} {{count}} 文字で、{{what}}の上限 {{limit}} 文字の {{percent}}% です。',
  },
};
export default ja;
