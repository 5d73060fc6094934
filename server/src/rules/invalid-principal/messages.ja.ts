/** Japanese description and messages of the invalid-principal rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'プリンシパルが不正です: 不明なプリンシパルタイプ、またはアカウント、ARN、サービス、プロバイダーのいずれでもない値。',
  messages: {
    scalar:
      '"{{value}}": Principal の文字列として書けるのは "*" だけです。プリンシパルは {"AWS": ...}、{"Service": ...}、{"Federated": ...} で指定してください。',
    type: '"{{type}}" はプリンシパルタイプ (AWS、Service、Federated、CanonicalUser) ではありません。{{suggestion}}',
    aws: '"{{value}}" は AWS プリンシパルではありません。12 桁のアカウント ID、アカウントの root、IAM ユーザー、ロール、ロールセッションの ARN、または "*" を使用してください。',
    group: '"{{value}}": IAM グループはプリンシパルになれません。ユーザーまたはロールを指定してください。',
    wildcard:
      '"{{value}}": プリンシパルの ARN の中ではワイルドカードを使用できません。"*" と aws:PrincipalArn の条件 (ArnLike) を使用してください。',
    uniqueId:
      '"{{value}}" は一意の ID のようです。IAM はプリンシパルが削除されると一意の ID を表示します。存在するユーザーまたはロールの ARN を使用してください。',
    service: '"{{value}}" はサービスプリンシパル (service-name.amazonaws.com) ではありません。',
    federated:
      '"{{value}}" は ID プロバイダーではありません。IAM の SAML または OIDC プロバイダーの ARN、または cognito-identity.amazonaws.com、accounts.google.com、graph.facebook.com、www.amazon.com を使用してください。',
    canonical: '"{{value}}" は S3 の正規ユーザー ID (16 進数 64 文字) ではありません。',
  },
};
export default ja;
