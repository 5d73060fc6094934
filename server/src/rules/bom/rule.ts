import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'bom',
  fix,
  meta: {
    description: 'The file starts with a byte-order mark, which some AWS tools reject.',
    category: 'syntax',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      bom: 'The file starts with a UTF-8 byte-order mark: `aws iam create-policy --policy-document file://...` and other tools fail with MalformedPolicyDocument. Save the file as UTF-8 without BOM.',
    },
  },
  check({ policy, report }) {
    if (policy.tree.hasBom && (policy.container.kind === 'json' || policy.container.kind === 'jsonc')) {
      report({ messageId: 'bom', at: { path: [], span: { offset: 0, length: 1 } } });
    }
  },
});
