import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'trailing-comma',
  fix,
  meta: {
    description: 'A comma before a closing bracket or brace is not valid JSON.',
    category: 'syntax',
    defaultSeverity: 'error',
    fixable: true,
    messages: { trailing: 'Trailing comma: IAM rejects this policy.' },
  },
  check({ policy, report }) {
    if (policy.container.kind !== 'json') {
      return;
    }
    for (const comma of policy.tree.trailingCommas) {
      report({ messageId: 'trailing', at: { path: [], span: comma }, fix: { removeOffset: comma.offset } });
    }
  },
});
