import { defineRule } from '../ruleApi';
import { documentAnchor } from '../helpers';

export default defineRule({
  id: 'missing-statement',
  meta: {
    description: 'The policy has no Statement element.',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: {
      missing: 'The policy has no "Statement": it grants and denies nothing, and IAM rejects it.',
      emptyTrust:
        'An empty trust policy: IAM rejects the role (MalformedPolicyDocument), and no one could assume it. Add a statement that allows sts:AssumeRole to the principal that needs the role.',
    },
  },
  check({ policy, report }) {
    if (policy.root?.type === 'object' && !policy.statementElement) {
      const empty = policy.policyType === 'trust' && !policy.root.children?.length;
      report({ messageId: empty ? 'emptyTrust' : 'missing', at: documentAnchor(policy) });
    }
  },
});
