/** Japanese description and messages of the wildcard-matches-nothing rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'アクションのワイルドカードが、そのサービスのどのアクションにも一致しません。',
  messages: {
    nothing: '"{{value}}" はどの {{serviceName}} のアクションにも一致しない (IAM データ: {{date}}) ため、何も許可しません。',
  },
};
export default ja;
