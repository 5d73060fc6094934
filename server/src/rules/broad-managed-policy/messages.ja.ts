/** Japanese description and messages of the broad-managed-policy rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const NARROWING =
  'このプリンシパルに必要なものだけをアタッチしてください。例: {{alternatives}} (または使うアクションだけのカスタマー管理ポリシー)。';

const ja: RuleTranslation = {
  description:
    'アタッチした AWS 管理ポリシーが管理者に近いアクセスを許可しています: すべてのリソースに対するすべてのアクション、IAM のアクセス許可の管理のすべて、または権限昇格の経路。',
  messages: {
    admin: '{{name}} はすべてのリソースに対するすべてのアクションを許可します (完全な管理者アクセス)。' + NARROWING,
    allExcept:
      '{{name}} は {{actions}} を除くすべてのサービスのすべてのアクションを、今後 AWS が追加するアクションも含め、すべてのリソースに対して許可します。' +
      NARROWING,
    iam:
      '{{name}} は IAM のアクセス許可の管理アクション {{count}} 個すべてをすべてのリソースに対して許可します。保持者は自分に任意の権限を付与できます。' +
      NARROWING,
    escalation: '{{name}} はすべてのリソースに対する権限昇格を許可します: {{methods}}。' + NARROWING,
  },
};
export default ja;
