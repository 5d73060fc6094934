import { defineRule } from '../ruleApi';
import { conditionAdjustment, coversAllOf, isFullAdmin, withAdjustment } from '../security';
import { EXFILTRATION_ACTIONS } from './exfiltrationActions';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  id: 'data-exfiltration',
  fix,
  meta: {
    description:
      'An Allow grants reads of data or secrets (s3:GetObject, ssm:GetParameter, secretsmanager:GetSecretValue, kms:Decrypt) on all resources.',
    category: 'security',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      exfiltration:
        '"{{value}}" reads {{what}} from every resource ({{actions}}){{why}}. Limit it to the buckets, parameters, secrets or keys this principal needs.',
    },
  },
  check({ policy, catalog, facts, report }) {
    // expand every statement first: then the list's actions of services no statement read cannot match
    for (const s of policy.statements) {
      facts.expanded(s);
    }
    const sensitive = new Set(EXFILTRATION_ACTIONS.map((n) => catalog.actionIfRead(n)).filter((a) => !!a));
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow' || !s.action || isFullAdmin(facts, s)) {
        continue;
      }
      const adj = conditionAdjustment(facts, s);
      if (adj.dead) {
        continue;
      }
      for (const { pattern, matches } of facts.expanded(s).byPattern) {
        if (pattern.dynamic || /:\*$/.test(pattern.value.trim()) || pattern.value.trim() === '*') {
          continue;
        }
        // `arn:aws:s3:::*/*` is every object of every bucket, as good as "*"
        const hits = matches.filter((a) => sensitive.has(a) && facts.grants(s, a) && coversAllOf(facts, s, a));
        if (hits.length === 0) {
          continue;
        }
        const what = hits.some((a) => a.service.prefix === 's3')
          ? 'objects'
          : hits.some((a) => a.service.prefix === 'kms')
            ? 'encrypted data'
            : 'parameters and secrets';
        report(
          withAdjustment(
            {
              messageId: 'exfiltration',
              at: pattern,
              data: { value: pattern.value.trim(), what, actions: hits.map((a) => a.fullName).join(', '), why: adj.why },
            },
            adj,
          ),
        );
      }
    }
  },
});
