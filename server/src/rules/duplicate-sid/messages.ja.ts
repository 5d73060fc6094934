/** Japanese description and messages of the duplicate-sid rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '2 つのステートメントが同じ Sid を持っています。',
  messages: {
    duplicate: 'Sid "{{value}}" はステートメント {{first}} ですでに使われています。Sid はポリシー内で一意である必要があります。',
  },
};
export default ja;
