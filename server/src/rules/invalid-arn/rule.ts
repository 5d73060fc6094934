import { parseArn, PARTITIONS, REGION_PATTERN } from '../../catalog/arn';
import type { IamCatalog } from '../../catalog/catalog';
import { defineRule } from '../ruleApi';
import { placeholdersIn } from '../derivedValues';

const hasPattern = (s: string) => /[*?]|\$\{/.test(s);

/**
 * 'empty' when every resource type the ARN can be leaves the field empty (S3 objects have no
 * Region or account), 'required' when none does, else 'either'.
 */
function fieldRule(catalog: IamCatalog, value: string, service: string, field: 'region' | 'account'): 'empty' | 'required' | 'either' {
  if (!catalog.isArnService(service)) {
    return 'either';
  }
  let empty = 0;
  let filled = 0;
  for (const t of catalog.resourceTypesMatching(value)) {
    const parsed = parseArn(t.arn);
    if (!parsed) {
      continue;
    }
    if ((field === 'region' ? parsed.region : parsed.account) === '') {
      empty++;
    } else {
      filled++;
    }
  }
  return empty + filled === 0 ? 'either' : filled === 0 ? 'empty' : empty === 0 ? 'required' : 'either';
}

export default defineRule({
  id: 'invalid-arn',
  meta: {
    description: 'A resource ARN is malformed: wrong prefix, missing fields, or an invalid partition, region or account.',
    category: 'resources',
    defaultSeverity: 'error',
    messages: {
      notArn: '"{{value}}" is not an ARN (arn:partition:service:region:account:resource) or "*".',
      fields: '"{{value}}" has {{count}} of the 6 ARN fields (arn:partition:service:region:account:resource).',
      partition: '"{{partition}}" is not an AWS partition ({{partitions}}).',
      serviceCase: 'The service in "{{value}}" must be lower case ("{{lower}}").',
      unknownService: '"{{service}}" is not a service in the IAM catalog (data of {{date}}).',
      region: '"{{region}}" is not an AWS Region (for example us-east-1).',
      regionNotAllowed: '{{service}} ARNs have no Region: use "{{fixed}}".',
      regionMissing: '{{service}} ARNs need a Region (or "*").',
      account: '"{{account}}" is not an account ID: use 12 digits (or "*").',
      accountNotAllowed: '{{service}} ARNs have no account ID: use "{{fixed}}".',
      placeholder: '"{{value}}" still has the placeholder {{names}}: fill in the real value.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]) {
        const value = v.value.trim();
        if (v.dynamic || value === '*' || value === '' || value !== v.value) {
          continue;
        }
        // a placeholder a quick-fix left (`<BucketName>`): one finding says what to fill in
        const placeholders = placeholdersIn(value);
        if (placeholders.length > 0) {
          report({ messageId: 'placeholder', at: v, data: { value, names: placeholders.map((p) => `<${p}>`).join(', ') } });
          continue;
        }
        if (!value.startsWith('arn:')) {
          // a bare variable or wildcard pattern that could expand to anything is left alone
          if (!/^\$\{[^}]+\}$/.test(value)) {
            report({ messageId: 'notArn', at: v, data: { value } });
          }
          continue;
        }
        const arn = parseArn(value);
        if (!arn) {
          report({ messageId: 'fields', at: v, data: { value, count: value.split(':').length } });
          continue;
        }
        if (!hasPattern(arn.partition) && !(PARTITIONS as readonly string[]).includes(arn.partition)) {
          report({ messageId: 'partition', at: v, data: { partition: arn.partition, partitions: PARTITIONS.slice(0, 3).join(', ') } });
        }
        if (!hasPattern(arn.service) && arn.service !== arn.service.toLowerCase()) {
          report({ messageId: 'serviceCase', at: v, data: { value, lower: arn.service.toLowerCase() } });
          continue;
        }
        if (!hasPattern(arn.service) && !catalog.isArnService(arn.service)) {
          report({ messageId: 'unknownService', at: v, data: { service: arn.service, date: catalog.dataDate }, severity: 'warning' });
          continue;
        }
        const regionRule = hasPattern(arn.service) ? 'either' : fieldRule(catalog, value, arn.service, 'region');
        const accountRule = hasPattern(arn.service) ? 'either' : fieldRule(catalog, value, arn.service, 'account');
        if (arn.region !== '' && !hasPattern(arn.region)) {
          if (regionRule === 'empty') {
            report({
              messageId: 'regionNotAllowed',
              at: v,
              data: { service: arn.service, fixed: `arn:${arn.partition}:${arn.service}::${arn.account}:${arn.resource}` },
            });
          } else if (!REGION_PATTERN.test(arn.region)) {
            report({ messageId: 'region', at: v, data: { region: arn.region } });
          }
        } else if (arn.region === '' && regionRule === 'required') {
          report({ messageId: 'regionMissing', at: v, data: { service: arn.service } });
        }
        if (arn.account !== '' && !hasPattern(arn.account)) {
          if (accountRule === 'empty' && arn.account !== 'aws') {
            report({
              messageId: 'accountNotAllowed',
              at: v,
              data: { service: arn.service, fixed: `arn:${arn.partition}:${arn.service}:${arn.region}::${arn.resource}` },
            });
          } else if (!/^\d{12}$/.test(arn.account) && arn.account !== 'aws') {
            report({ messageId: 'account', at: v, data: { account: arn.account } });
          }
        }
      }
    }
  },
});
