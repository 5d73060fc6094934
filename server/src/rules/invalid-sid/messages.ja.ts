/** Japanese description and messages of the invalid-sid rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'Sid に英字と数字以外の文字が含まれています。',
  messages: {
    iam: 'Sid "{{value}}": IAM の Sid に使えるのは英字 A-Z、a-z と数字 0-9 だけです。',
    resource:
      'Sid "{{value}}": リソースベースのポリシーでは他の文字を受け付けるサービスもありますが、IAM は受け付けません。英字と数字にしてください。',
  },
};
export default ja;
