import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';

export default defineRule({
  id: 'allow-not-principal',
  meta: {
    description: 'Allow with NotPrincipal grants access to everyone except the listed principals, anonymous users included.',
    category: 'principals',
    defaultSeverity: 'warning',
    security: true,
    messages: {
      allow:
        '"Allow" with "NotPrincipal" grants access to every principal not listed, including anonymous users and every other AWS account. Use "Principal" with the principals you mean.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value === 'Allow' && s.notPrincipal) {
        report({ messageId: 'allow', at: keyOf(s.notPrincipal.element) });
      }
    }
  },
});
