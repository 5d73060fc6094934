/** Japanese description and messages of the unknown-condition-key rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'AWS が定義していない条件キーのため、条件は一致しません。',
  messages: {
    global: '"{{key}}" はグローバル条件キーではないため、条件は一致しません。{{suggestion}}',
    service: '"{{key}}" は IAM カタログ ({{date}} のデータ) にある {{service}} の条件キーではないため、条件は一致しません。{{suggestion}}',
    format: '"{{key}}" は条件キーではありません。キーは service:name の形式で書きます (例: aws:SourceIp)。',
    emptyTag: '"{{key}}" はタグを指定していません。スラッシュの後にタグキーを追加してください。',
  },
};
export default ja;
