/** Japanese description and messages of the condition-value-format rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: '条件の値の形式が演算子に合っていません (不正な CIDR 範囲、日付、数値、ブール値)。',
  messages: {
    ip: '"{{value}}" は IP アドレスでも CIDR 範囲でもありません (例: 203.0.113.0/24、2001:db8::/32)。',
    number: '"{{value}}" は数値ではありません。',
    date: '"{{value}}" は日付ではありません。ISO 8601 (2026-01-31T23:59:59Z) またはエポック秒を使用してください。',
    bool: '"{{value}}" はブール値ではありません。"true" または "false" を使用してください。',
    boolMany: '{{operator}} は値を 1 つだけ取ります。"true" と "false" の両方を指定すると、条件は常に一致します。',
    arn: '"{{value}}" は ARN ではありません (ARN 演算子は ARN を比較します)。',
    base64: '"{{value}}" は Base64 でエンコードされていません。',
    placeholder: '"{{value}}" にはプレースホルダー {{names}} が残っています: 実際の値を入力してください。',
  },
};
export default ja;
