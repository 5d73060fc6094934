/** Japanese description and messages of the invalid-arn-region rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description: 'リソース ARN のリージョンがそのパーティションのリージョンではないため、ARN は何にも一致しません。',
  messages: {
    otherPartition:
      '"{{region}}" は {{owner}} パーティションのリージョンであり、{{partition}} のものではありません: "{{value}}" は何にも一致しません。',
    unknown:
      '"{{region}}" は {{partition}} パーティションのリージョンではありません (このバージョンが知っているリージョン): "{{value}}" は何にも一致しません。その後 AWS がこのリージョンを開設した場合は、拡張機能を更新してください。',
  },
};
export default ja;
