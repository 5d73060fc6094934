/** The Japanese message catalog (ids and placeholders as in messages.en.ts; terms: docs/glossary.ja.md). */
import type { MessageId } from './messages.en';

export const MESSAGES_JA: Partial<Record<MessageId, string>> = {
  'policyType.identity': 'アイデンティティベースのポリシー',
  'policyType.resource': 'リソースベースのポリシー',
  'policyType.trust': 'ロールの信頼ポリシー',
  'policyType.scp': 'サービスコントロールポリシー (SCP)',
  'policyType.rcp': 'リソースコントロールポリシー (RCP)',
  'accessLevel.List': 'リスト',
  'accessLevel.Read': '読み取り',
  'accessLevel.Write': '書き込み',
  'accessLevel.Permissions management': 'アクセス許可の管理',
  'accessLevel.Tagging': 'タグ付け',
  'severity.error': 'エラー',
  'severity.warning': '警告',
  'severity.info': '情報',
  'severity.hint': 'ヒント',
  'cli.noProblems': '✔ {{files}} 個のファイル ({{policies}} 個のポリシー) に問題はありません',
  'cli.problems': '✖ {{files}} 個中 {{withProblems}} 個のファイル ({{policies}} 個のポリシー) に {{total}} 件の問題があります ({{parts}})',
  'cli.errors': 'エラー {{count}} 件',
  'cli.warnings': '警告 {{count}} 件',
  'cli.infos': '情報 {{count}} 件',
  'cli.listSeparator': '、',
  'cli.fixed': '{{count}} 件の問題を修正しました',
};
