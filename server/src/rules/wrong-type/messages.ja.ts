/** Japanese description and messages of the wrong-type rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '要素の JSON の型が誤っています (例: 文字列が必要な場所に数値)。',
  messages: {
    root: 'ポリシーは JSON オブジェクトです。{{type}}ではありません。',
    expected: '{{element}} は{{expected}}でなければなりません。{{type}}ではありません。',
    entry: '{{element}} の各要素は文字列でなければなりません。{{type}}ではありません。',
    intrinsic:
      '{{element}} にオブジェクト ({{key}}) があります。Fn::Sub などのテンプレート関数は IAM ではなく CloudFormation が解決します。通常のポリシーファイルでは ARN を書いてください。',
    statement: '各ステートメントはオブジェクトでなければなりません。{{type}}ではありません。',
    conditionValue: '条件の値は文字列、数値、ブール値のいずれかでなければなりません。{{type}}ではありません。',
  },
};
export default ja;
