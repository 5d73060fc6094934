/** Japanese description and messages of the privilege-escalation rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーが既知の権限昇格の経路を許可しています。呼び出し元が自分にさらに多くのアクセス許可を付与できるアクションです。',
  messages: {
    escalation: '"{{value}}" は権限昇格を許可します: {{methods}}{{scope}}{{why}}。',
  },
};
export default ja;
