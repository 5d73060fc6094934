import { defineRule } from '../ruleApi';
import { isFullAdmin, resourceBreadth } from '../security';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'passrole-star',
  fix,
  meta: {
    description: 'iam:PassRole is allowed on every role (or a wildcard) without an iam:PassedToService condition.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    // only identity policies can grant iam:PassRole: in a queue, topic or key policy "Action": "*"
    // means that service's actions
    policyTypes: ['identity'],
    messages: {
      star: '"{{value}}" lets the caller pass any role{{scope}} to any service, for example an administrator role to a new EC2 instance or Lambda function. Limit the role ARNs and add an iam:PassedToService condition.',
      noService: '"{{value}}" passes these roles to any service: add an iam:PassedToService condition naming the service that needs them.',
    },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || isFullAdmin(facts, s)) {
        continue;
      }
      // after expanding: a statement that names no iam action has not read the iam service, nor can it grant PassRole
      facts.expanded(s);
      const passRole = catalog.actionIfRead('iam:PassRole');
      if (!passRole || !facts.grants(s, passRole)) {
        continue;
      }
      const keys = new Set((s.condition?.clauses ?? []).flatMap((c) => c.entries.map((e) => e.key.toLowerCase())));
      if (keys.has('iam:passedtoservice')) {
        continue;
      }
      const granting = facts.expanded(s).byPattern.find((p) => p.matches.includes(passRole));
      const at = granting?.pattern ?? (s.notAction ? { node: s.notAction.element.keyNode, path: s.notAction.element.path } : s);
      const value = granting?.pattern.value.trim() ?? 'NotAction';
      const breadth = resourceBreadth(facts, s);
      if (breadth === 'all' || breadth === 'wildcard') {
        report({ messageId: 'star', at, data: { value, scope: breadth === 'all' ? '' : ' matching the pattern' } });
      } else {
        report({ messageId: 'noService', at, data: { value }, severity: 'info', security: false });
      }
    }
  },
});
