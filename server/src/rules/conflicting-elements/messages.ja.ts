/** Japanese description and messages of the conflicting-elements rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ステートメントに Action と NotAction (または Resource と NotResource、Principal と NotPrincipal) の両方があります。',
  messages: {
    both: '"{{a}}" と "{{b}}" は同じステートメントで使用できません。どちらか一方にしてください。',
  },
};
export default ja;
