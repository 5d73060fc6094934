import { nearest } from '../../catalog/similar';
import { PRINCIPAL_TYPES } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';
import { fix, type Payload } from './fix';

const AWS_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*|aws-eusc):(iam::(\d{12}):(root|user\/.+|role\/.+|federated-user\/.+)|sts::(\d{12}):assumed-role\/[^/]+\/.+)$/;
/** the documented principal of a CloudFront origin access identity (legacy OAI, S3 bucket policies) */
const CLOUDFRONT_OAI = /^arn:(aws|aws-cn|aws-us-gov):iam::cloudfront:user\/CloudFront Origin Access Identity [A-Z0-9]+$/;
const FEDERATED_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*|aws-eusc):iam::\d{12}:(saml-provider|oidc-provider)\/.+$/;
const WEB_IDENTITY = new Set(['cognito-identity.amazonaws.com', 'accounts.google.com', 'graph.facebook.com', 'www.amazon.com']);
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

export default defineRule<Payload>({
  id: 'invalid-principal',
  fix,
  meta: {
    description: 'A principal is malformed: an unknown principal type, or a value that is not an account, ARN, service or provider.',
    category: 'principals',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      scalar: '"{{value}}": a Principal string can only be "*"; name principals with {"AWS": ...}, {"Service": ...} or {"Federated": ...}.',
      type: '"{{type}}" is not a principal type (AWS, Service, Federated, CanonicalUser).{{suggestion}}',
      aws: '"{{value}}" is not an AWS principal: use a 12-digit account ID, an account root, IAM user, role or role-session ARN, or "*".',
      group: '"{{value}}": IAM groups cannot be principals. Name the users or roles instead.',
      wildcard: '"{{value}}": wildcards are not allowed inside principal ARNs. Use "*" with an aws:PrincipalArn condition (ArnLike).',
      uniqueId:
        '"{{value}}" looks like a unique ID: IAM shows unique IDs when the principal was deleted. Use the ARN of an existing user or role.',
      service: '"{{value}}" is not a service principal (service-name.amazonaws.com).',
      federated:
        '"{{value}}" is not an identity provider: use an IAM SAML or OIDC provider ARN, or cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com, www.amazon.com.',
      canonical: '"{{value}}" is not an S3 canonical user ID (64 hexadecimal characters).',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const block of [s.principal, s.notPrincipal]) {
        if (!block) {
          continue;
        }
        if (block.scalar && !block.scalar.dynamic && block.scalar.value !== '*') {
          report({ messageId: 'scalar', at: block.scalar, data: { value: block.scalar.value } });
        }
        for (const entry of block.entries) {
          if (!(PRINCIPAL_TYPES as readonly string[]).includes(entry.type)) {
            const guess =
              PRINCIPAL_TYPES.find((t) => t.toLowerCase() === entry.type.toLowerCase()) ?? nearest(entry.type, PRINCIPAL_TYPES, 1)[0];
            report({
              messageId: 'type',
              at: keyOf(entry.element),
              data: { type: entry.type, suggestion: guess ? ` Did you mean "${guess}"?` : '' },
              fix: { replacements: guess ? [guess] : [] },
            });
            continue;
          }
          for (const v of entry.values.values) {
            const value = v.value.trim();
            if (v.dynamic || value === '') {
              continue;
            }
            switch (entry.type) {
              case 'AWS':
                if (value === '*' || /^\d{12}$/.test(value) || AWS_ARN.test(value) || CLOUDFRONT_OAI.test(value)) {
                  break;
                }
                if (/^arn:[^:]+:iam::\d{12}:group\//.test(value)) {
                  report({ messageId: 'group', at: v, data: { value } });
                } else if (/^arn:/.test(value) && /[*?]/.test(value)) {
                  report({ messageId: 'wildcard', at: v, data: { value } });
                } else if (/^A(ROA|IDA)[A-Z0-9]{10,}$/.test(value)) {
                  report({ messageId: 'uniqueId', at: v, data: { value }, severity: 'warning' });
                } else {
                  report({ messageId: 'aws', at: v, data: { value } });
                }
                break;
              case 'Service':
                if (!SERVICE.test(value)) {
                  report({ messageId: 'service', at: v, data: { value } });
                }
                break;
              case 'Federated':
                if (!FEDERATED_ARN.test(value) && !WEB_IDENTITY.has(value)) {
                  report({ messageId: 'federated', at: v, data: { value } });
                }
                break;
              case 'CanonicalUser':
                if (!/^[0-9a-f]{64}$/i.test(value)) {
                  report({ messageId: 'canonical', at: v, data: { value } });
                }
                break;
            }
          }
        }
      }
    }
  },
});
