/** Japanese description and messages of the public-principal rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Allow が、制限する条件なしですべてのプリンシパル ("*"、匿名ユーザーや他のアカウントを含む) にアクセスを許可しています。',
  messages: {
    public:
      '制限する条件のない Principal "*" です。{{who}}{{what}}ことができます。aws:PrincipalOrgID、aws:SourceAccount、aws:SourceVpce で制限するか、プリンシパルを指定してください。',
    trust:
      'ロールの信頼ポリシーに、制限する条件のない Principal "*" があります。どの AWS ID でもこのロールを引き受けられます。プリンシパルを指定するか、aws:PrincipalOrgID / sts:ExternalId を追加してください。',
    conditioned: 'Principal "*" は {{why}}。その条件が意図した相手だけを許可することを確認してください。',
  },
};
export default ja;
