/** Japanese description and messages of the permissions-management rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow が、アクセス許可の管理のアクション (誰がアクセスできるかを変更する) をすべてのリソースに対して許可しています。',
  messages: {
    pm: '"{{value}}" は{{scope}}に対してアクセス許可の管理のアクションを {{count}} 個許可します{{plural}} ({{examples}})。呼び出し元は誰がそれらにアクセスできるかを変更できます{{why}}。',
  },
};
export default ja;
