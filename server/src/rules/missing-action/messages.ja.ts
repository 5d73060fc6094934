/** Japanese description and messages of the missing-action rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ステートメントに Action も NotAction もありません。',
  messages: {
    missing: 'このステートメントには "Action" (または "NotAction") がないため、何にも適用されません。',
  },
};
export default ja;
