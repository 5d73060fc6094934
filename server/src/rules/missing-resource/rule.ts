import { defineRule } from '../ruleApi';
import { statementAnchor } from '../helpers';
import { fix, type Payload } from './fix';
import { attachedService } from '../attachedResource';

/** resource policies whose statements name no Resource: the repository is the resource */
const NO_RESOURCE_SERVICES = new Set(['ecr', 'ecr-public']);

export default defineRule<Payload>({
  id: 'missing-resource',
  fix,
  meta: {
    description: 'A statement has neither Resource nor NotResource (required in every policy type but role trust policies).',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    policyTypes: ['identity', 'resource', 'scp', 'rcp'],
    messages: { missing: 'This statement has no "Resource" (or "NotResource"): IAM rejects it in {{type}} policies.' },
  },
  check({ policy, report }) {
    if (policy.container.impliedResource) {
      return; // an ECR repository policy applies to its repository
    }
    const attached = attachedService(policy);
    if (attached && NO_RESOURCE_SERVICES.has(attached)) {
      return;
    }
    for (const s of policy.statements) {
      if (s.elements.length > 0 && !s.elements.some((e) => e.name === 'Resource' || e.name === 'NotResource')) {
        report({
          messageId: 'missing',
          at: statementAnchor(s),
          data: { type: policy.policyType === 'scp' ? 'SCP' : policy.policyType === 'rcp' ? 'RCP' : policy.policyType },
        });
      }
    }
  },
});
