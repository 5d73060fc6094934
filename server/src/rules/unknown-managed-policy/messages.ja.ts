/** Japanese description and messages of the unknown-managed-policy rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'ARN または名前でアタッチした管理ポリシーが AWS 管理ポリシーではありません。デプロイは失敗します。',
  messages: {
    typo: '"{{value}}" は AWS 管理ポリシーではないため、アタッチに失敗します。"{{suggestion}}" ではありませんか?',
    wrongPath: '"{{value}}" は AWS 管理ポリシーではありません。{{name}} のパスは {{path}} です ({{arn}})。',
    unknown:
      '"{{value}}" は AWS 管理ポリシーではない ({{source}} にある {{count}} 個のどれもこの名前ではない) ため、アタッチに失敗します。',
  },
};
export default ja;
