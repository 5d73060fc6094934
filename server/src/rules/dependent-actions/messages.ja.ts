/** Japanese description and messages of the dependent-actions rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'アクションが、ポリシーで許可されていない別のアクションを必要としています (lambda:CreateFunction は実行ロールのために iam:PassRole を必要とします)。',
  messages: {
    missing: '{{action}} は{{when}}ために {{requires}} も必要としますが、このポリシーはそれを許可していません ({{doc}} を参照)。',
  },
};
export default ja;
