/** Japanese description and messages of the mergeable-statements rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '2 つのステートメントがアクションだけ (またはリソースだけ) 異なり、1 つにまとめられます。',
  messages: {
    actions:
      'このステートメントはステートメント {{other}} と Effect、リソース、条件が同じです。アクションを 1 つのステートメントにまとめてください。',
    resources:
      'このステートメントはステートメント {{other}} と Effect、アクション、条件が同じです。リソースを 1 つのステートメントにまとめてください。',
  },
};
export default ja;
