import { POLICY_TYPE_LABELS } from '../../policy/model';
import { elementsAllowed } from '../../policy/grammar';
import { STATEMENT_ELEMENTS } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

const WHY: Record<string, string> = {
  'identity:Principal': 'the principal is whoever the policy is attached to; use a resource policy or trust policy to name principals',
  'identity:NotPrincipal': 'the principal is whoever the policy is attached to',
  'scp:Principal': 'an SCP applies to the accounts it is attached to; use aws:PrincipalArn conditions instead',
  'scp:NotPrincipal': 'an SCP applies to the accounts it is attached to; use aws:PrincipalArn conditions instead',
  'trust:Resource': 'the resource of a trust policy is the role itself',
  'trust:NotResource': 'the resource of a trust policy is the role itself',
  'trust:NotPrincipal': 'role trust policies do not support NotPrincipal',
  'rcp:NotPrincipal': 'RCPs do not support NotPrincipal',
  'rcp:NotAction': 'RCPs do not support NotAction',
};

export default defineRule<Payload>({
  id: 'element-not-allowed',
  fix,
  meta: {
    description: 'A statement uses an element that its policy type does not support (for example Principal in an identity policy).',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: { notAllowed: '"{{element}}" is not supported in a {{type}}: {{why}}.' },
  },
  check({ policy, report }) {
    const allowed = elementsAllowed(policy.policyType);
    for (const s of policy.statements) {
      for (const e of s.elements) {
        if ((STATEMENT_ELEMENTS as readonly string[]).includes(e.name) && !allowed.has(e.name)) {
          report({
            messageId: 'notAllowed',
            at: keyOf(e),
            data: {
              element: e.name,
              type: POLICY_TYPE_LABELS[policy.policyType].toLowerCase(),
              why: WHY[`${policy.policyType}:${e.name}`] ?? 'remove it',
            },
            fix: { removePath: e.path },
          });
        }
      }
    }
  },
});
