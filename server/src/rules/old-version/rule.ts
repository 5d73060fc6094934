import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'old-version',
  fix,
  meta: {
    description: 'Version "2008-10-17" is the old policy language; use "2012-10-17".',
    category: 'grammar',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { old: '"2008-10-17" is the old policy language: policy variables are not substituted. Use "2012-10-17".' },
  },
  check({ policy, report }) {
    if (policy.version?.value === '2008-10-17') {
      report({ messageId: 'old', at: policy.version, fix: { replacements: ['2012-10-17'] } });
    }
  },
});
