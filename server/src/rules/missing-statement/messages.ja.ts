/** Japanese description and messages of the missing-statement rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーに Statement 要素がありません。',
  messages: {
    missing: 'ポリシーに "Statement" がありません。何も許可も拒否もせず、IAM はこのポリシーを拒否します。',
    emptyTrust:
      '空の信頼ポリシーです: IAM はこのロールを拒否し (MalformedPolicyDocument)、誰もロールを引き受けられません。ロールを必要とするプリンシパルに sts:AssumeRole を許可するステートメントを追加してください。',
  },
};
export default ja;
