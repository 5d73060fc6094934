import { defineRule } from '../ruleApi';
import { documentAnchor } from '../helpers';

export default defineRule({
  id: 'missing-statement',
  meta: {
    description: 'The policy has no Statement element.',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: { missing: 'The policy has no "Statement": it grants and denies nothing, and IAM rejects it.' },
  },
  check({ policy, report }) {
    if (policy.root?.type === 'object' && !policy.statementElement) {
      report({ messageId: 'missing', at: documentAnchor(policy) });
    }
  },
});
