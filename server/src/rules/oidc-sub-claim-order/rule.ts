/**
 * oidc-sub-claim-order: a GitHub Actions `sub` condition must pin the repository owner at its start.
 * Anyone can customise the subject claim template of their own repository (which claims, in which
 * order), so a pattern that starts with a wildcard or with a claim the workflow author chooses
 * (`workflow:`, `environment:`, `ref:`, `job_workflow_ref:`, `context:`...) can be matched by a
 * token from a repository you do not own.
 */
import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';

const GITHUB = 'token.actions.githubusercontent.com';

/** Claims that identify the owner or repository (set by GitHub, not by the workflow author). */
const PINNING = /^(repo|repository|repository_owner|repository_owner_id|repository_id|enterprise|enterprise_id):[^*?]/i;

export default defineRule({
  id: 'oidc-sub-claim-order',
  meta: {
    description:
      'A GitHub Actions sub condition does not start with the repository owner, so a token from another repository can match it.',
    category: 'principals',
    defaultSeverity: 'warning',
    security: true,
    policyTypes: ['trust', 'resource'],
    messages: {
      order:
        '"{{value}}" starts with {{first}}: anyone can order the claims of their own repository\'s subject template, so a token from a repository you do not own can match. Start with "repo:<owner>/<repository>:" (or repository_owner_id / repository_id).',
      audience: '"{{value}}" is not the audience GitHub uses for AWS: use "sts.amazonaws.com" (StringEquals).',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      const trustsGithub = (s.principal?.entries ?? []).some(
        (e) => e.type === 'Federated' && e.values.values.some((v) => v.value.trim().toLowerCase().endsWith(`:oidc-provider/${GITHUB}`)),
      );
      if (!trustsGithub) {
        continue;
      }
      for (const clause of s.condition?.clauses ?? []) {
        const op = parseOperator(clause.operator);
        if (!op.info || op.info.negated || op.info.family !== 'String') {
          continue;
        }
        for (const entry of clause.entries) {
          const key = entry.key.toLowerCase();
          for (const v of entry.values) {
            if (v.dynamic) {
              continue;
            }
            const value = v.value.trim();
            if (key === `${GITHUB}:sub`) {
              // "repo:*..." (any repository) is oidc-trust-without-sub's finding
              if (PINNING.test(value) || (op.info.wildcards && /^repo:[*?]/i.test(value))) {
                continue;
              }
              const first = /^[*?]/.test(value) && op.info.wildcards ? 'a wildcard' : `"${value.split(':')[0]}:"`;
              // StringEquals with a value no GitHub template produces is not exploitable by ordering
              if (!op.info.wildcards && !/:/.test(value)) {
                continue;
              }
              report({ messageId: 'order', at: v, data: { value, first } });
            } else if (key === `${GITHUB}:aud` && op.info.wildcards && /[*?]/.test(value)) {
              report({ messageId: 'audience', at: v, data: { value }, severity: 'info', security: false });
            }
          }
        }
      }
    }
  },
});
