/** Japanese description and messages of the service-wildcard rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow がサービスのすべてのアクション ("s3:*") を許可しています。',
  messages: {
    wildcard:
      '"{{value}}" は {{service}} の {{count}} 個すべてのアクション ({{levels}}) を、今後 AWS が追加するものも含めて許可します{{why}}。必要なアクションに絞り込んでください。',
  },
};
export default ja;
