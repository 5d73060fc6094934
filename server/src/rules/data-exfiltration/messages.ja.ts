/** Japanese description and messages of the data-exfiltration rule (the English ones are in rule.ts; terms: docs/glossary.ja.md). */
import type { RuleTranslation } from '../../i18n/types';

const ja: RuleTranslation = {
  description:
    'Allow が、データやシークレットの読み取り (s3:GetObject、ssm:GetParameter、secretsmanager:GetSecretValue、kms:Decrypt) をすべてのリソースに対して許可しています。',
  messages: {
    exfiltration:
      '"{{value}}" はすべてのリソースから{{what}}を読み取ります ({{actions}}){{why}}。このプリンシパルに必要なバケット、パラメータ、シークレット、キーに限定してください。',
  },
};
export default ja;
