/** Japanese description and messages of the set-operator-on-single-valued-key rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '単一値の条件キーに ForAllValues または ForAnyValue が使われています。',
  messages: {
    forAll: '単一値の "{{key}}" に対する ForAllValues は、キーが存在しない場合にも true になります。修飾子を外してください ("{{fixed}}")。',
    forAny: 'ForAnyValue は複数値のキー向けですが、"{{key}}" の値は 1 つです。修飾子を外してください ("{{fixed}}")。',
    nullQualifier: 'Null はキーが存在するかどうかをテストします。{{qualifier}} 修飾子は意味がありません。',
  },
};
export default ja;
