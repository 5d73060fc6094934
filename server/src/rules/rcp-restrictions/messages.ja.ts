/** Japanese description and messages of the rcp-restrictions rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'リソースコントロールポリシーが RCP の規則に違反しています: Allow はフルアクセスのステートメントのみ、Principal は "*"、RCP をサポートするサービスのみ。',
  messages: {
    allow:
      'RCP はアクセスを許可しません。受け付ける Allow ステートメントはフルアクセスのもの (Principal "*"、Action "*"、Resource "*"、Condition なし) だけです。Deny ステートメントを書いてください。',
    principal: 'RCP では Principal は "*" でなければなりません。プリンシパルは aws:PrincipalOrgID などの条件で制限してください。',
    service: '"{{action}}": {{service}} はリソースコントロールポリシーをサポートしていません (サポート: {{supported}})。',
  },
};
export default ja;
