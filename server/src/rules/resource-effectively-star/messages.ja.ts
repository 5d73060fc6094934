/** Japanese description and messages of the resource-effectively-star rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'リソースの ARN パターンが、すべてのアカウントとリージョンのその種類のすべてのリソースに一致し、"*" と同じくらい広範です。',
  messages: {
    star: '"{{value}}" はすべてのアカウント{{regions}}のすべての {{type}} に一致し、"*" と同じくらい広範です。アカウントとリソースを指定してください。',
  },
};
export default ja;
