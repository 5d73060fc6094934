import { parseArn } from '../../catalog/arn';
import type { ActionInfo, IamCatalog, ResourceTypeInfo } from '../../catalog/catalog';
import { defineRule } from '../ruleApi';
import type { PolicyString } from '../../policy/model';
import { listSome, valueOf } from '../helpers';
import { fix, type Payload } from './fix';

/** The resource types the statement's resources can name. */
export function typesNamedBy(catalog: IamCatalog, resources: string[]): Set<ResourceTypeInfo> {
  const out = new Set<ResourceTypeInfo>();
  for (const r of resources) {
    for (const t of catalog.resourceTypesMatching(r)) {
      out.add(t);
    }
  }
  return out;
}

/** An action applies when some resource is "*" or names one of its resource types. */
export function actionApplies(
  catalog: IamCatalog,
  action: ActionInfo,
  resources: string[],
  named: Set<ResourceTypeInfo> = typesNamedBy(catalog, resources),
): boolean {
  if (resources.includes('*')) {
    return true;
  }
  return catalog.resourceTypesOf(action).some((t) => named.has(t));
}

export default defineRule<Payload>({
  id: 'resource-type-mismatch',
  fix,
  meta: {
    description:
      'An action cannot apply to any of the statement\'s resources (wrong resource type, wrong service, or an action that needs "*").',
    category: 'resources',
    defaultSeverity: 'warning',
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      needsStar:
        '"{{action}}" does not support resource-level permissions: it only works with "Resource": "*", so this statement does not {{verb}} it.',
      wrongType: '"{{action}}" acts on {{types}}; none of this statement\'s resources is one, so it does not {{verb}} it.',
      s3Object:
        '"{{action}}" acts on objects, but the resources are buckets: add "/*" (for example "{{example}}/*") or it does not {{verb}} it.',
      s3Bucket:
        '"{{action}}" acts on the bucket itself, but the resources are objects: use the bucket ARN (for example "{{example}}") or it does not {{verb}} it.',
      serviceMismatch:
        '"{{action}}" is a {{service}} action, but no resource of this statement is a {{service}} ARN, so it does not {{verb}} it.',
      someDoNotApply: '{{count}} of the {{total}} actions matched by "{{pattern}}" cannot use these resources (for example {{examples}}).',
      nothingApplies: 'No action matched by "{{pattern}}" can use these resources: the statement {{verb}}s nothing.',
    },
  },
  check({ policy, catalog, facts, report }) {
    for (const s of policy.statements) {
      const effect = s.effect?.value;
      if (!s.action || !s.resource || (effect !== 'Allow' && effect !== 'Deny')) {
        continue;
      }
      if (s.resource.values.some((v) => v.dynamic) || s.action.values.some((v) => v.dynamic)) {
        continue;
      }
      const resources = s.resource.values.map((v) => v.value.trim()).filter((r) => r !== '');
      if (resources.length === 0 || resources.includes('*')) {
        continue;
      }
      const verb = effect === 'Allow' ? 'grant' : 'deny';
      const services = new Set(resources.map((r) => parseArn(r)?.service.toLowerCase()).filter((x): x is string => !!x));
      const wildService = [...services].some((x) => /[*?]/.test(x));
      const byPattern = facts.expanded(s).byPattern.filter((p) => p.matches.length > 0);
      const named = typesNamedBy(catalog, resources);
      const problems: { pattern: PolicyString; messageId: string; data: Record<string, string | number>; severity?: 'info' }[] = [];
      let applying = 0;
      let total = 0;
      for (const { pattern, matches } of byPattern) {
        // "Action": "*" in a resource policy means the attached service's actions (an SQS queue policy)
        if (policy.policyType === 'resource' && pattern.value.trim() === '*') {
          continue;
        }
        const failing = matches.filter((a) => !actionApplies(catalog, a, resources, named));
        applying += matches.length - failing.length;
        total += matches.length;
        if (failing.length === 0) {
          continue;
        }
        const isWildcard = /[*?]/.test(pattern.value);
        if (isWildcard && failing.length < matches.length) {
          problems.push({
            pattern,
            messageId: 'someDoNotApply',
            severity: 'info',
            data: {
              count: failing.length,
              total: matches.length,
              pattern: pattern.value.trim(),
              examples: listSome(
                failing.map((a) => a.fullName),
                3,
              ),
            },
          });
          continue;
        }
        const action = failing[0];
        const types = catalog.resourceTypesOf(action);
        const data: Record<string, string> = {
          action: isWildcard ? pattern.value.trim() : action.fullName,
          verb,
          service: action.service.prefix,
        };
        let messageId: string;
        if (types.length === 0) {
          messageId = 'needsStar';
        } else if (!wildService && !types.some((t) => services.has((t.arn.split(':')[2] ?? '').toLowerCase()))) {
          messageId = 'serviceMismatch';
        } else if (
          action.service.prefix === 's3' &&
          types.some((t) => t.name === 'object') &&
          resources.every((r) => /^arn:[^:]*:s3:::[^/]+$/.test(r))
        ) {
          messageId = 's3Object';
          data.example = resources[0];
        } else if (
          action.service.prefix === 's3' &&
          types.some((t) => t.name === 'bucket') &&
          resources.every((r) => /^arn:[^:]*:s3:::[^/]+\/.+$/.test(r))
        ) {
          messageId = 's3Bucket';
          data.example = resources[0].replace(/\/.*$/, '');
        } else {
          messageId = 'wrongType';
          data.types = listSome(
            types.map((t) => t.name),
            3,
          );
        }
        // an Allow whose other actions work only carries dead weight here; a Deny that misses,
        // a service mix-up and the S3 bucket/object confusion are real mistakes
        const quiet = effect === 'Allow' && (messageId === 'wrongType' || messageId === 'needsStar');
        problems.push({ pattern, messageId, data, ...(quiet ? { severity: 'info' as const } : {}) });
      }
      if (problems.length === 0) {
        continue;
      }
      // the resources are what is wrong when (almost) nothing in the statement can use them
      if (applying === 0 || (byPattern.length === 1 && applying / total < 0.2)) {
        const first = problems[0];
        const messageId = applying === 0 && first.messageId === 'someDoNotApply' ? 'nothingApplies' : first.messageId;
        report({ messageId, at: valueOf(s.resource.element), data: { ...first.data, verb } });
        continue;
      }
      for (const p of problems) {
        report({ messageId: p.messageId, at: p.pattern, data: p.data, ...(p.severity ? { severity: p.severity } : {}) });
      }
    }
  },
});
