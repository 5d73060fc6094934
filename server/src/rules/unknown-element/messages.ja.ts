/** Japanese description and messages of the unknown-element rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'IAM ポリシーの文法で定義されていない要素名です。',
  messages: {
    topLevel: '"{{name}}" はポリシー要素 (Version、Id、Statement) ではありません。{{suggestion}}',
    statement:
      '"{{name}}" はステートメントの要素 (Sid、Effect、Principal、NotPrincipal、Action、NotAction、Resource、NotResource、Condition) ではありません。{{suggestion}}',
  },
};
export default ja;
