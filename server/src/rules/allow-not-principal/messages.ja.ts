/** Japanese description and messages of the allow-not-principal rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow と NotPrincipal の組み合わせは、列挙したもの以外のすべてのプリンシパル (匿名ユーザーを含む) にアクセスを許可します。',
  messages: {
    allow:
      '"Allow" と "NotPrincipal" の組み合わせは、列挙していないすべてのプリンシパル (匿名ユーザーや他のすべての AWS アカウントを含む) にアクセスを許可します。対象のプリンシパルを "Principal" で指定してください。',
  },
};
export default ja;
