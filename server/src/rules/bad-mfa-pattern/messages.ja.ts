/** Japanese description and messages of the bad-mfa-pattern rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    '長期的なアクセスキーでは aws:MultiFactorAuthPresent が false ではなく存在しないため、見た目どおりに動作しない MFA 条件です。',
  messages: {
    denyBool:
      'Bool "aws:MultiFactorAuthPresent": "false" は長期的なアクセスキーで署名されたリクエストに一致しない (キーが存在しない) ため、それらは拒否されません。"BoolIfExists" を使用してください。',
    allowIfExists:
      'BoolIfExists "aws:MultiFactorAuthPresent": "true" はキーのないリクエスト (長期的なアクセスキー) にも一致するため、MFA が必須になりません。"Bool" を使用してください。',
    allowFalse: 'この Allow は MFA なしのセッションに適用されます。Deny か "true" の誤りではありませんか?',
    nullCheck:
      'Null "aws:MultiFactorAuthPresent": "false" はキーが存在すること (一時的な認証情報) しか確認せず、MFA が使われたことは確認しません。Bool "true" を使用してください。',
  },
};
export default ja;
