import { defineRule } from '../ruleApi';

export default defineRule({
  id: 'empty-statement',
  meta: {
    description: 'Statement is an empty array or an empty object.',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: {
      emptyArray: '"Statement" is empty: the policy grants and denies nothing.',
      emptyObject: 'This statement is empty: it needs at least Effect and Action.',
    },
  },
  check({ policy, report }) {
    const e = policy.statementElement;
    const v = e?.valueNode;
    if (!e || !v) {
      return;
    }
    if ((v.type === 'array' || v.type === 'object') && (v.children?.length ?? 0) === 0) {
      report({ messageId: v.type === 'array' ? 'emptyArray' : 'emptyObject', at: { node: v, path: e.path } });
    }
    if (v.type === 'array') {
      for (const s of policy.statements) {
        if (s.elements.length === 0) {
          report({ messageId: 'emptyObject', at: s });
        }
      }
    }
  },
});
