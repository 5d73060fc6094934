/** Japanese description and messages of the allow-not-resource rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'Allow と NotResource の組み合わせは、列挙したもの以外のすべてのリソース (後から作成されるリソースを含む) に対してアクションを許可します。',
  messages: {
    notResource:
      '"Allow" と "NotResource" の組み合わせは、プリンシパルが到達できるすべてのアカウントで、列挙したもの以外のすべてのリソースに対してこれらのアクションを許可します{{why}}。リソースを "Resource" で指定してください。',
  },
};
export default ja;
