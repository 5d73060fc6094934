/**
 * bucket-policy-escalation: a bucket policy that allows s3:PutBucketPolicy lets the grantee rewrite
 * the policy and grant itself (or anyone) every S3 action on the bucket.
 */
import { attachedService } from '../attachedResource';
import { defineRule } from '../ruleApi';
import { conditionAdjustment, netActionsOf, withAdjustment } from '../security';

export default defineRule({
  id: 'bucket-policy-escalation',
  meta: {
    description:
      'A bucket policy allows s3:PutBucketPolicy, so the grantee can rewrite the policy and grant itself everything on the bucket.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    policyTypes: ['resource'],
    messages: {
      escalation:
        '"{{value}}" allows s3:PutBucketPolicy: the grantee can replace this bucket policy and grant itself (or anyone) every S3 action on the bucket{{why}}. Keep policy changes with the bucket owner\'s administrators.',
    },
  },
  check({ policy, catalog, facts, report }) {
    // only a bucket policy (by its template, its actions or its resources) can grant it
    if (attachedService(policy) !== 's3') {
      return;
    }
    const put = catalog.action('s3:PutBucketPolicy');
    if (!put) {
      return;
    }
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !(s.principal || s.notPrincipal)) {
        continue;
      }
      if (!netActionsOf(facts, s, facts.expanded(s).actions).includes(put)) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      const granting = facts.expanded(s).byPattern.find((p) => p.matches.includes(put));
      const at = granting?.pattern ?? s;
      report(
        withAdjustment({ messageId: 'escalation', at, data: { value: granting?.pattern.value.trim() ?? 'NotAction', why: adj.why } }, adj),
      );
    }
  },
});
