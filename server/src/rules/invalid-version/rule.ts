import { VERSIONS } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'invalid-version',
  fix,
  meta: {
    description: 'Version must be "2012-10-17" (or the old "2008-10-17").',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      invalid:
        '"{{value}}" is not a policy language version: use "2012-10-17". (Version is the language version, not a date of your policy.)',
    },
  },
  check({ policy, report }) {
    const v = policy.version;
    if (v && !v.dynamic && !(VERSIONS as readonly string[]).includes(v.value)) {
      report({ messageId: 'invalid', at: v, data: { value: v.value }, fix: { replacements: ['2012-10-17'] } });
    }
  },
});
