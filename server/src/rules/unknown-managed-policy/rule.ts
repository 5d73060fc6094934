/**
 * unknown-managed-policy: a managed policy attached by ARN or name (CloudFormation `ManagedPolicyArns`,
 * SAM `Policies`, Terraform `policy_arn`, Serverless `managedPolicies`) that AWS does not have: the
 * deployment fails. Suggests the nearest name (or the right path) with a quick-fix.
 */
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'unknown-managed-policy',
  fix,
  meta: {
    description: 'A managed policy attached by ARN or name is not an AWS managed policy: the deployment fails.',
    category: 'resources',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      typo: '"{{value}}" is not an AWS managed policy, so attaching it fails. Did you mean "{{suggestion}}"?',
      wrongPath: '"{{value}}" is not an AWS managed policy: {{name}} is under the path {{path}} ({{arn}}).',
      unknown:
        '"{{value}}" is not an AWS managed policy (none of the {{count}} known from {{source}} has this name), so attaching it fails.',
    },
  },
  check() {
    // managed-policy references only
  },
  checkReferences({ references, catalog, report }) {
    for (const r of references) {
      if (r.policy) {
        continue;
      }
      const at = { path: [], span: { offset: r.offset, length: r.length } };
      const s = r.suggestion;
      if (s && s.policy.name === r.written.slice(r.written.lastIndexOf('/') + 1)) {
        report({
          messageId: 'wrongPath',
          at,
          data: { value: r.written, name: s.policy.name, path: s.policy.path, arn: s.policy.arn },
          fix: { text: s.text, length: r.length },
        });
      } else if (s) {
        report({ messageId: 'typo', at, data: { value: r.written, suggestion: s.text }, fix: { text: s.text, length: r.length } });
      } else {
        const managed = catalog.managedPolicies();
        report({ messageId: 'unknown', at, data: { value: r.written, count: managed?.count ?? 0, source: managed?.source ?? '' } });
      }
    }
  },
});
