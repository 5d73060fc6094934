/**
 * s3-object-arn-typo: `arn:aws:s3:::bucket1:*` was meant as `arn:aws:s3:::bucket1/*`. Bucket names
 * cannot hold a colon, so the ARN names no bucket and no object.
 */
import { parseArn } from '../../catalog/arn';
import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

export default defineRule<Payload>({
  fix,
  id: 's3-object-arn-typo',
  meta: {
    description: 'An S3 ARN separates bucket and key with ":" instead of "/" (arn:aws:s3:::bucket:*), so it matches nothing.',
    category: 'resources',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      colon: '"{{value}}" matches nothing: bucket names cannot contain ":". Did you mean "{{fixed}}"?',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const v of [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]) {
        if (v.dynamic) {
          continue;
        }
        const value = v.value.trim();
        const arn = parseArn(value);
        if (!arn || arn.service !== 's3' || arn.region !== '' || arn.account !== '') {
          continue;
        }
        // the bucket part ends at the first "/": a ":" before it is the typo
        const m = /^([^/:]+):(.*)$/.exec(arn.resource);
        if (!m || m[1].includes('${')) {
          continue;
        }
        const fixed = `arn:${arn.partition}:s3:::${m[1]}/${m[2] || '*'}`;
        report({ messageId: 'colon', at: v, data: { value, fixed }, fix: { replacements: [fixed] } });
      }
    }
  },
});
