/** Japanese description and messages of the account-root-trust rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'ロールがアカウント全体 (root) を条件なしで信頼しているため、そのアカウントで許可されたどのプリンシパルでもロールを引き受けられます。',
  messages: {
    root: 'アカウント {{account}} を信頼すると、そのアカウント自身のポリシーで許可されたすべてのユーザーとロールがこのロールを引き受けられます。ロールを名前で指定する (arn:aws:iam::{{account}}:role/...) か、sts:ExternalId / aws:PrincipalArn の条件を追加してください。',
  },
};
export default ja;
