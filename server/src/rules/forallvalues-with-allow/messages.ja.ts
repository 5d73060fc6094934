/** Japanese description and messages of the forallvalues-with-allow rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow ステートメントの ForAllValues はキーが存在しない場合にも true になるため、見た目より多くを許可します。',
  messages: {
    absent:
      '{{operator}} はリクエストに "{{key}}" がない場合にも true になるため、この Allow はキーのないリクエストにも適用されます。キーを必須にするには "Null": {"{{key}}": "false"} を追加してください。',
  },
};
export default ja;
