import { defineRule } from '../ruleApi';
import { variablesIn, variableStrings } from '../variables';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'variable-requires-version',
  fix,
  meta: {
    description: 'Policy variables are used without Version "2012-10-17", so IAM treats them as plain text.',
    category: 'grammar',
    defaultSeverity: 'error',
    fixable: true,
    messages: { literal: '{{variable}} is matched literally: policy variables need "Version": "2012-10-17" ({{why}}).' },
  },
  check({ policy, report }) {
    const version = policy.version?.value;
    if (version === '2012-10-17' || policy.version?.dynamic || policy.container.kind === 'terraform') {
      return;
    }
    const why = version ? `this policy says "${version}"` : 'this policy has no Version';
    for (const s of policy.statements) {
      for (const str of variableStrings(s)) {
        const first = variablesIn(str.value).find((v) => !v.problem);
        if (first) {
          report({ messageId: 'literal', at: str, data: { variable: first.text, why } });
        }
      }
    }
  },
});
