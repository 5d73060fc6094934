/** Japanese description and messages of the oidc-sub-claim-order rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'GitHub Actions の sub 条件がリポジトリの所有者で始まっていないため、別のリポジトリのトークンが一致する可能性があります。',
  messages: {
    order:
      '"{{value}}" は {{first}} で始まっています。誰でも自分のリポジトリのサブジェクトテンプレートのクレームの順序を変えられるため、自分が所有していないリポジトリのトークンが一致する可能性があります。"repo:<owner>/<repository>:" (または repository_owner_id / repository_id) で始めてください。',
    audience:
      '"{{value}}" は GitHub が AWS に使う対象者 (audience) ではありません: "sts.amazonaws.com" (StringEquals) を使用してください。',
  },
};
export default ja;
