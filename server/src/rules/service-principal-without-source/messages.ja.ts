/** Japanese description and messages of the service-principal-without-source rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'リソースベースのポリシーが aws:SourceArn や aws:SourceAccount なしで AWS のサービスに操作を許可しているため、他のアカウントがそのサービスを使ってあなたのリソースにアクセスできます (混乱した代理)。',
  messages: {
    source:
      '"{{service}}" はどのアカウントのためにも動作します。自分のリソースだけがこのリソースに到達させられるよう、aws:SourceArn または aws:SourceAccount を追加してください。',
  },
};
export default ja;
