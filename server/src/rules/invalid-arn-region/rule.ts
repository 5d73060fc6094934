/**
 * invalid-arn-region: the Region of an ARN must be a Region of the ARN's partition
 * (`arn:aws-cn:ec2:us-east-1:...` can match nothing). Regions per partition come from the AWS SDK's
 * endpoint data, compiled into the catalog; malformed Regions are invalid-arn's.
 */
import { parseArn, REGION_PATTERN } from '../../catalog/arn';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

const hasPattern = (s: string) => /[*?]|\$\{/.test(s);

export default defineRule<Payload>({
  fix,
  id: 'invalid-arn-region',
  meta: {
    description: 'The Region of a resource ARN is not a Region of its partition, so the ARN matches nothing.',
    category: 'resources',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      otherPartition: '"{{region}}" is a Region of the {{owner}} partition, not of {{partition}}: "{{value}}" matches nothing.',
      unknown:
        '"{{region}}" is not a Region of the {{partition}} partition (Regions known to this version): "{{value}}" matches nothing. If AWS opened the Region since, update the extension.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]) {
        if (v.dynamic) {
          continue;
        }
        const value = v.value.trim();
        const arn = parseArn(value);
        if (!arn || arn.region === '' || hasPattern(arn.region) || hasPattern(arn.partition)) {
          continue;
        }
        const own = catalog.partitionRegions(arn.partition);
        if (!own || own.regions.has(arn.region)) {
          continue;
        }
        const owner = catalog.partitionOfRegion(arn.region);
        if (owner && owner !== arn.partition) {
          const fixed = `arn:${owner}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
          report({
            messageId: 'otherPartition',
            at: v,
            data: { region: arn.region, owner, partition: arn.partition, value },
            fix: { replacements: [fixed] },
          });
        } else if (REGION_PATTERN.test(arn.region) || own.regionRegex.test(arn.region)) {
          // a well-formed name that is not (yet) a Region: the list may be older than AWS
          report({ messageId: 'unknown', at: v, data: { region: arn.region, partition: arn.partition, value }, severity: 'warning' });
        }
      }
    }
  },
});
