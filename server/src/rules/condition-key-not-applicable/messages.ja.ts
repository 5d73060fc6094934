/** Japanese description and messages of the condition-key-not-applicable rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '条件キーがステートメントのアクションで使用できないため、それらのアクションに対して条件が true になることはありません。',
  messages: {
    none: '"{{key}}" は {{actions}} では使用できません。リクエストにこのキーが含まれないため、この条件は一致せず、ステートメントはこれらのアクションに適用されません。',
    some: '"{{key}}" はこのステートメントの {{total}} 個のアクションのうち {{count}} 個 ({{examples}}) で使用できません。それらではキーが存在せず、条件は一致しません。',
  },
};
export default ja;
