/** Japanese description and messages of the broad-wildcard rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '"iam:Get*" のようなアクションのワイルドカードは多数のアクションを一度に許可します。含まれるアクションを確認してください。',
  messages: {
    read: '"{{value}}" は読み取り専用のアクションを {{count}} 個許可します ({{levels}}){{why}}。',
    write:
      '"{{value}}" は {{count}} 個のアクションを許可し、そのうち {{changing}} 個はリソースを変更します ({{levels}}){{why}}。必要なものだけを列挙してください。',
  },
};
export default ja;
