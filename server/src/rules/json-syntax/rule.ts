import { defineRule } from '../ruleApi';

const MAX_REPORTED = 20;

export default defineRule({
  id: 'json-syntax',
  meta: {
    description: 'The policy must be valid JSON.',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: { syntax: 'Invalid JSON: {{message}}' },
  },
  check({ policy, report }) {
    // one mistake cascades into "expected }" and "expected ]" at the end of the text: after a
    // first error, those end-of-text echoes add nothing
    const end = policy.tree.text.trimEnd().length;
    const errors = policy.tree.errors.filter((e, i) => i === 0 || e.offset < end);
    for (const error of errors.slice(0, MAX_REPORTED)) {
      report({ messageId: 'syntax', at: { path: [], span: { offset: error.offset, length: Math.max(error.length, 1) } }, data: { message: error.message } });
    }
  },
});
