/** Japanese description and messages of the unknown-service rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'アクションが、AWS に存在しないサービスのプレフィックスを指定しています。',
  messages: {
    typo: '"{{service}}" は AWS のサービスのプレフィックスではありません。"{{suggestion}}" ではありませんか?',
    unknown:
      '"{{service}}" は IAM カタログ ({{date}} のデータ) にあるサービスのプレフィックスではないため、このアクションは何も許可しません。AWS がその後サービスを追加した場合は、拡張機能を更新してください。',
  },
};
export default ja;
