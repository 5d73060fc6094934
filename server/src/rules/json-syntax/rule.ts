import { MAX_DEPTH } from '../../syntax/parseJson';
import { defineRule } from '../ruleApi';

const MAX_REPORTED = 20;

export default defineRule({
  id: 'json-syntax',
  meta: {
    description: 'The policy must be valid JSON.',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: {
      syntax: 'Invalid JSON: {{message}}',
      tooDeep: 'Nested more than {{limit}} levels deep: the values inside are not checked.',
    },
  },
  check({ policy, report }) {
    // one mistake cascades into "expected }" and "expected ]" at the end of the text: after a
    // first error, those end-of-text echoes add nothing
    const end = policy.tree.text.trimEnd().length;
    const errors = policy.tree.errors.filter((e, i) => i === 0 || e.offset < end);
    for (const error of errors.slice(0, MAX_REPORTED)) {
      report({
        messageId: 'syntax',
        at: { path: [], span: { offset: error.offset, length: Math.max(error.length, 1) } },
        data: { message: error.message },
      });
    }
    // a crafted depth must not hide the rest of the policy: the deep part is reported, the rest checked
    for (const span of (policy.tree.tooDeep ?? []).slice(0, MAX_REPORTED)) {
      report({ messageId: 'tooDeep', at: { path: [], span: { offset: span.offset, length: 1 } }, data: { limit: String(MAX_DEPTH) } });
    }
  },
});
