import { parseOperator } from '../../catalog/operators';
import type { PolicyString, Statement } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

/** The OIDC providers a statement trusts: host (and path) after `oidc-provider/`, or Cognito. */
function providers(s: Statement): { host: string; at: PolicyString }[] {
  const out: { host: string; at: PolicyString }[] = [];
  for (const entry of s.principal?.entries ?? []) {
    if (entry.type !== 'Federated') {
      continue;
    }
    for (const v of entry.values.values) {
      const m = /:oidc-provider\/(.+)$/.exec(v.value.trim());
      if (m) {
        out.push({ host: m[1], at: v });
      } else if (v.value.trim() === 'cognito-identity.amazonaws.com') {
        out.push({ host: 'cognito-identity.amazonaws.com', at: v });
      }
    }
  }
  return out;
}

export default defineRule<Payload>({
  id: 'oidc-trust-without-sub',
  fix,
  meta: {
    description:
      'A role trusts an OIDC identity provider (such as GitHub Actions) without limiting which subjects or audiences may assume it.',
    category: 'principals',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    policyTypes: ['trust', 'resource'],
    messages: {
      noSub: 'Any token issued by {{host}} can assume this role: add a "{{host}}:sub" condition{{example}}.',
      wildcardSub: '"{{host}}:sub" is "{{value}}": {{what}}. Name the repository and branch or environment.',
      noAud: 'Add a "{{host}}:aud" condition ({{aud}}) so that only tokens issued for AWS are accepted.',
      cognitoAud:
        'Cognito identity pool trust needs a "cognito-identity.amazonaws.com:aud" condition with your identity pool ID; without it any identity pool can assume the role.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      for (const { host, at } of providers(s)) {
        const hostLower = host.toLowerCase();
        const entries: { key: string; values: string[]; like: boolean }[] = [];
        for (const clause of s.condition?.clauses ?? []) {
          const p = parseOperator(clause.operator);
          for (const entry of clause.entries) {
            entries.push({ key: entry.key.toLowerCase(), values: entry.values.map((v) => v.value), like: !!p.info?.wildcards });
          }
        }
        const find = (claim: string) => entries.find((e) => e.key === `${hostLower}:${claim}`);
        const github = hostLower === 'token.actions.githubusercontent.com';
        if (hostLower === 'cognito-identity.amazonaws.com') {
          if (!find('aud')) {
            report({ messageId: 'cognitoAud', at, fix: { addCondition: 'cognito-identity.amazonaws.com:aud' } });
          }
          continue;
        }
        const sub = find('sub');
        if (!sub) {
          report({
            messageId: 'noSub',
            at,
            data: { host, example: github ? ' such as "repo:my-org/my-repo:ref:refs/heads/main"' : '' },
            fix: { addCondition: `${host}:sub` },
          });
        } else if (sub.like) {
          const broad = sub.values.find(
            (v) => v === '*' || /^repo:[^/]*\*/.test(v) || /^repo:[^:]+\/\*$/.test(v) || /^repo:[^:]+:\*$/.test(v),
          );
          if (broad === '*' || (broad && /^repo:[^/]*\*/.test(broad))) {
            report({
              messageId: 'wildcardSub',
              at,
              data: { host, value: broad, what: 'any repository (of any owner) can assume this role' },
            });
          } else if (broad && github) {
            report({
              messageId: 'wildcardSub',
              at,
              data: { host, value: broad, what: 'every repository or every branch matches' },
              severity: 'info',
              security: false,
            });
          }
        }
        if (!find('aud') && (github || !sub)) {
          report({
            messageId: 'noAud',
            at,
            data: { host, aud: github ? '"sts.amazonaws.com"' : 'your client ID' },
            severity: 'info',
            security: false,
            fix: { addCondition: `${host}:aud` },
          });
        }
      }
    }
  },
});
