import { defineRule } from '../ruleApi';
import { statementAnchor, valueOf } from '../helpers';

export default defineRule({
  id: 'rcp-restrictions',
  meta: {
    description:
      'A resource control policy breaks RCP rules: Allow only in the full-access statement, Principal "*", and only services that support RCPs.',
    category: 'grammar',
    defaultSeverity: 'error',
    policyTypes: ['rcp'],
    messages: {
      allow:
        'RCPs do not grant access: the only Allow statement they accept is the full-access one (Principal "*", Action "*", Resource "*", no Condition). Write Deny statements.',
      principal: 'In an RCP, Principal must be "*"; limit principals with conditions such as aws:PrincipalOrgID.',
      service: '"{{action}}": {{service}} does not support resource control policies (supported: {{supported}}).',
    },
  },
  check({ policy, catalog, report }) {
    const supported = [...catalog.rcpServices].sort();
    for (const s of policy.statements) {
      const effect = s.effect?.value;
      const actions = s.action?.values.map((v) => v.value.trim()) ?? [];
      const fullAccess =
        effect === 'Allow' &&
        s.principal?.scalar?.value === '*' &&
        actions.length === 1 &&
        actions[0] === '*' &&
        s.resource?.values.map((v) => v.value.trim()).join() === '*' &&
        !s.condition;
      if (effect === 'Allow' && !fullAccess) {
        report({ messageId: 'allow', at: s.effect ?? statementAnchor(s) });
      }
      if (s.principal && s.principal.scalar?.value !== '*') {
        report({ messageId: 'principal', at: valueOf(s.principal.element) });
      }
      for (const v of s.action?.values ?? []) {
        const service = v.value.trim().split(':')[0].toLowerCase();
        if (v.dynamic || v.value.trim() === '*' || /[*?]/.test(service) || !catalog.service(service) || catalog.rcpServices.has(service)) {
          continue;
        }
        report({ messageId: 'service', at: v, data: { action: v.value.trim(), service, supported: supported.join(', ') } });
      }
    }
  },
});
