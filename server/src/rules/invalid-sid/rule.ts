import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

const IAM_SID = /^[A-Za-z0-9]+$/;

export default defineRule<Payload>({
  id: 'invalid-sid',
  fix,
  meta: {
    description: 'A Sid contains characters other than letters and digits.',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      iam: 'Sid "{{value}}": IAM accepts only letters A-Z, a-z and digits 0-9 in a Sid.',
      resource: 'Sid "{{value}}": some services accept other characters in resource policies, but IAM does not; prefer letters and digits.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      const sid = s.sid;
      if (!sid || sid.dynamic || sid.value === '' || IAM_SID.test(sid.value)) {
        continue;
      }
      const payload: Payload = {
        replacements: [sid.value.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))].filter(Boolean),
      };
      if (policy.policyType === 'resource') {
        report({ messageId: 'resource', at: sid, data: { value: sid.value }, severity: 'hint', fix: payload });
      } else {
        report({ messageId: 'iam', at: sid, data: { value: sid.value }, fix: payload });
      }
    }
  },
});
