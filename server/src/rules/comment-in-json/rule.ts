import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'comment-in-json',
  meta: {
    description: 'Comments are not allowed in a policy stored as strict JSON.',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: {
      comment:
        'Comments are not allowed in JSON: IAM rejects this policy. Remove the comment, or name the file .jsonc if a build step strips comments.',
    },
  },
  check({ policy, report }) {
    // JSONC files are the author's choice (a build step strips comments); templates have their own syntax
    if (policy.container.kind !== 'json') {
      return;
    }
    for (const comment of policy.tree.comments) {
      report({ messageId: 'comment', at: { path: [], span: comment } });
    }
  },
});
