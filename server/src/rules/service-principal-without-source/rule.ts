import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

const SOURCE_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];

export default defineRule<Payload>({
  id: 'service-principal-without-source',
  fix,
  meta: {
    description:
      'A resource policy lets an AWS service act without aws:SourceArn or aws:SourceAccount, so other accounts can use the service against your resource (confused deputy).',
    category: 'principals',
    defaultSeverity: 'info',
    fixable: true,
    fixAccess: 'narrows',
    policyTypes: ['resource'],
    messages: {
      source:
        '"{{service}}" acts for any account: add aws:SourceArn or aws:SourceAccount so only your resources can make it reach this one.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      const keys = new Set((s.condition?.clauses ?? []).flatMap((c) => c.entries.map((e) => e.key.toLowerCase())));
      if (SOURCE_KEYS.some((k) => keys.has(k))) {
        continue;
      }
      for (const entry of s.principal?.entries ?? []) {
        if (entry.type !== 'Service') {
          continue;
        }
        for (const v of entry.values.values) {
          report({ messageId: 'source', at: v, data: { service: v.value } });
        }
      }
    }
  },
});
