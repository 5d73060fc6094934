/** Japanese description and messages of the oidc-trust-without-sub rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'ロールが OIDC ID プロバイダー (GitHub Actions など) を信頼していますが、引き受けられるサブジェクトやオーディエンスを制限していません。',
  messages: {
    noSub: '{{host}} が発行したどのトークンでもこのロールを引き受けられます。"{{host}}:sub" の条件を追加してください{{example}}。',
    wildcardSub: '"{{host}}:sub" が "{{value}}" です: {{what}}。リポジトリと、ブランチまたは環境を指定してください。',
    noAud: 'AWS 向けに発行されたトークンだけを受け付けるよう、"{{host}}:aud" の条件 ({{aud}}) を追加してください。',
    cognitoAud:
      'Cognito ID プールの信頼には、ID プールの ID を指定した "cognito-identity.amazonaws.com:aud" の条件が必要です。ない場合、どの ID プールでもロールを引き受けられます。',
  },
};
export default ja;
