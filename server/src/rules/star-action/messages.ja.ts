/** Japanese description and messages of the star-action rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow が、列挙したリソースに対するすべてのアクション ("Action": "*") を許可しています。',
  messages: {
    star: '"Action": "*" は、これらのリソースの削除やポリシーの変更を含め、すべてのサービスのすべてのアクションを許可します{{why}}。必要なアクションを列挙してください。',
  },
};
export default ja;
