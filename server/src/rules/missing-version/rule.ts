import { defineRule } from '../ruleApi';
import { documentAnchor } from '../helpers';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'missing-version',
  fix,
  meta: {
    description: 'The policy has no Version, so IAM uses the old 2008-10-17 language.',
    category: 'grammar',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing: 'Add "Version": "2012-10-17": without it IAM uses the 2008-10-17 language, which treats policy variables as plain text.',
    },
  },
  check({ policy, report }) {
    if (policy.root?.type === 'object' && !policy.elements.some((e) => e.name === 'Version') && policy.container.kind !== 'terraform') {
      report({ messageId: 'missing', at: documentAnchor(policy) });
    }
  },
});
