/** Japanese description and messages of the allow-not-action rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'Allow と NotAction の組み合わせは、列挙したもの以外のすべてのアクションを、今後 AWS が追加するアクションも含めて許可します。',
  messages: {
    notAction:
      '"Allow" と "NotAction" の組み合わせは {{services}} 個のサービスの {{count}} 個のアクション (列挙したもの以外のすべて) と、今後追加されるすべてのアクションを許可します{{why}}。必要なアクションを "Action" で列挙してください。',
  },
};
export default ja;
