/** Japanese description and messages of the private-ip-in-source-ip rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'aws:SourceIp をプライベート IP の範囲と比較していますが、aws:SourceIp がその範囲の値になることはありません。',
  messages: {
    private:
      '"{{value}}" はプライベートの範囲ですが、aws:SourceIp はリクエスト元のパブリックアドレスです。VPC エンドポイント経由の通信には aws:VpcSourceIp (aws:SourceVpc または aws:SourceVpce と併用) を使用してください。',
  },
};
export default ja;
