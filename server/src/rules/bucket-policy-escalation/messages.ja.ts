/** Japanese description and messages of the bucket-policy-escalation rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'バケットポリシーが s3:PutBucketPolicy を許可しているため、許可されたプリンシパルはポリシーを書き換えて、バケットに対するすべての権限を自分に付与できます。',
  messages: {
    escalation:
      '"{{value}}" は s3:PutBucketPolicy を許可しています。許可されたプリンシパルはこのバケットポリシーを置き換えて、自分 (または誰にでも) バケットに対するすべての S3 アクションを付与できます{{why}}。ポリシーの変更はバケット所有者の管理者に限定してください。',
  },
};
export default ja;
