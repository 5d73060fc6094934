/** Japanese description and messages of the passrole-star rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'iam:PassRole が、iam:PassedToService の条件なしですべてのロール (またはワイルドカード) に許可されています。',
  messages: {
    star: '"{{value}}" により、呼び出し元は任意のロール{{scope}}を任意のサービスに渡せます (例: 管理者ロールを新しい EC2 インスタンスや Lambda 関数に渡す)。ロールの ARN を限定し、iam:PassedToService の条件を追加してください。',
    noService:
      '"{{value}}" はこれらのロールを任意のサービスに渡します。ロールを必要とするサービスを指定する iam:PassedToService の条件を追加してください。',
  },
};
export default ja;
