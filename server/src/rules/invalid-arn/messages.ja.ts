/** Japanese description and messages of the invalid-arn rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'リソースの ARN が不正です: プレフィックスの誤り、フィールドの不足、または無効なパーティション、リージョン、アカウント。',
  messages: {
    notArn: '"{{value}}" は ARN (arn:partition:service:region:account:resource) でも "*" でもありません。',
    fields: '"{{value}}" には ARN の 6 つのフィールド (arn:partition:service:region:account:resource) のうち {{count}} 個しかありません。',
    partition: '"{{partition}}" は AWS のパーティションではありません ({{partitions}})。',
    serviceCase: '"{{value}}" のサービスは小文字で書く必要があります ("{{lower}}")。',
    unknownService: '"{{service}}" は IAM カタログ ({{date}} のデータ) にあるサービスではありません。',
    region: '"{{region}}" は AWS リージョンではありません (例: us-east-1)。',
    regionNotAllowed: '{{service}} の ARN にはリージョンがありません。"{{fixed}}" を使用してください。',
    regionMissing: '{{service}} の ARN にはリージョン (または "*") が必要です。',
    account: '"{{account}}" はアカウント ID ではありません。12 桁の数字 (または "*") を使用してください。',
    accountNotAllowed: '{{service}} の ARN にはアカウント ID がありません。"{{fixed}}" を使用してください。',
    placeholder: '"{{value}}" にはプレースホルダー {{names}} が残っています: 実際の値を入力してください。',
  },
};
export default ja;
