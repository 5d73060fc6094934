/** Japanese description and messages of the resource-type-mismatch rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'アクションがステートメントのどのリソースにも適用できません (リソースタイプやサービスの誤り、または "*" が必要なアクション)。',
  messages: {
    needsStar:
      '"{{action}}" はリソースレベルのアクセス許可をサポートせず、"Resource": "*" でしか動作しないため、このステートメントでは{{verb}}されません。',
    wrongType: '"{{action}}" は {{types}} に作用しますが、このステートメントのリソースはどれもそれに該当しないため、{{verb}}されません。',
    s3Object:
      '"{{action}}" はオブジェクトに作用しますが、リソースはバケットです。"/*" を追加してください (例: "{{example}}/*")。そうしないと{{verb}}されません。',
    s3Bucket:
      '"{{action}}" はバケット自体に作用しますが、リソースはオブジェクトです。バケットの ARN (例: "{{example}}") を使用してください。そうしないと{{verb}}されません。',
    serviceMismatch:
      '"{{action}}" は {{service}} のアクションですが、このステートメントに {{service}} の ARN のリソースがないため、{{verb}}されません。',
    someDoNotApply:
      '"{{pattern}}" に一致する {{total}} 個のアクションのうち {{count}} 個はこれらのリソースを使用できません (例: {{examples}})。',
    nothingApplies:
      '"{{pattern}}" に一致するアクションはどれもこれらのリソースを使用できないため、このステートメントは何も{{verb}}しません。',
  },
};
export default ja;
