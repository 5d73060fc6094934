/** Japanese description and messages of the s3-object-arn-typo rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'S3 の ARN でバケットとキーを "/" ではなく ":" で区切っているため (arn:aws:s3:::bucket:*)、何にも一致しません。',
  messages: {
    colon: '"{{value}}" は何にも一致しません: バケット名に ":" は使えません。"{{fixed}}" のことではありませんか?',
  },
};
export default ja;
