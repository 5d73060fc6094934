/** Japanese description and messages of the credentials-exposure rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow が、認証情報やトークンを返すアクションをすべてのリソースに対して許可しています。',
  messages: {
    credentials:
      '"{{value}}" はすべてのリソースについて認証情報を返します ({{actions}})。このポリシーを持つ誰もがそれを取得できます{{why}}。リソースを限定してください。',
  },
};
export default ja;
