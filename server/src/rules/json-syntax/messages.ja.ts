/** Japanese description and messages of the json-syntax rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ポリシーは有効な JSON でなければなりません。',
  messages: {
    syntax: '無効な JSON です: {{message}}',
    tooDeep: '{{limit}} 階層より深くネストされています: その中の値はチェックされません。',
  },
};
export default ja;
