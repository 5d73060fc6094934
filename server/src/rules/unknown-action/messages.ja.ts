/** Japanese description and messages of the unknown-action rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'アクションがそのサービスに存在しません。',
  messages: {
    typo: '"{{value}}" は{{article}} {{serviceName}} のアクションではないため、何も許可しません。{{suggestions}} ではありませんか?',
    unknown:
      '"{{value}}" は IAM カタログ ({{date}} のデータ) にある{{article}} {{serviceName}} のアクションではないため、何も許可しません。AWS がその後追加した場合は、拡張機能を更新してください。',
  },
};
export default ja;
