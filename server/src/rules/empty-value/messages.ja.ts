/** Japanese description and messages of the empty-value rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '要素が空の配列、オブジェクト、または文字列のため、何にも一致しません。',
  messages: {
    emptyList: '"{{element}}" が空です: {{consequence}}',
    emptyString: '"{{element}}" が空の文字列です。',
    emptyCondition: 'この条件ブロックは空です。削除してください。',
  },
};
export default ja;
