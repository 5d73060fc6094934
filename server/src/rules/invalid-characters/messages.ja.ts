/** Japanese description and messages of the invalid-characters rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '値に IAM がポリシーで受け付けない文字が含まれています。',
  messages: {
    character: '"{{char}}" (U+{{code}}) は IAM ポリシーで使用できません。使用できるのはタブ、改行、U+0020 から U+00FF までの文字だけです。',
  },
};
export default ja;
