/** Japanese description and messages of the resource-star rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'Allow が、リソースレベルのアクセス許可をサポートするのに、リソースを変更するアクションを "Resource": "*" に対して許可しています。',
  messages: {
    star: '"Resource": "*" により、{{actions}} がアカウントのすべてのリソースに作用できます{{why}}。これらのアクションは ARN を受け付けます。リソースを指定してください。',
  },
};
export default ja;
