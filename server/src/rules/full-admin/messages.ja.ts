/** Japanese description and messages of the full-admin rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'Allow がすべてのリソースに対するすべてのアクション ("Action": "*" と "Resource": "*") を許可しています。完全な管理者アクセスです。',
  messages: {
    admin:
      '完全な管理者アクセスです。今後 AWS が追加するアクションも含め、すべての AWS サービスのすべてのアクションをすべてのリソースに対して許可します{{why}}。このプリンシパルに必要なサービスとアクションだけを許可してください。',
  },
};
export default ja;
