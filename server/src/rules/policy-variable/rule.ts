import { defineRule } from '../ruleApi';
import { statementStrings } from '../helpers';
import { variablesIn, variableStrings } from '../variables';

export default defineRule({
  id: 'policy-variable',
  meta: {
    description: 'A policy variable is malformed, unknown, or used where IAM does not substitute variables.',
    category: 'grammar',
    defaultSeverity: 'error',
    messages: {
      unclosed: '{{variable}} has no closing "}".',
      empty: '"${}" names no variable.',
      space: '{{variable}}: spaces are not allowed inside a policy variable.',
      unknown: '{{variable}}: "{{name}}" is not a known condition key, so it is never substituted (IAM data of {{date}}).',
      element: '{{variable}} is not substituted in {{element}}: variables work only in Resource and in condition values.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      const substituted = new Set(variableStrings(s));
      for (const str of statementStrings(s)) {
        if (str.dynamic) {
          continue;
        }
        for (const v of variablesIn(str.value)) {
          if (v.problem) {
            report({ messageId: v.problem, at: str, data: { variable: v.text } });
          } else if (!substituted.has(str)) {
            const element =
              typeof str.path[str.path.length - 1] === 'number'
                ? String(str.path[str.path.length - 2])
                : String(str.path[str.path.length - 1]);
            report({ messageId: 'element', at: str, data: { variable: v.text, element }, severity: 'warning' });
          } else if (!catalog.conditionKey(v.name)) {
            report({
              messageId: 'unknown',
              at: str,
              data: { variable: v.text, name: v.name, date: catalog.dataDate },
              severity: 'warning',
            });
          }
        }
      }
    }
  },
});
