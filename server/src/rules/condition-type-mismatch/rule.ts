import { baseKeyType } from '../../catalog/catalog';
import { familyAcceptsType, familyForType, parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { keyOf } from '../helpers';

const SUGGESTED: Record<string, string> = {
  Arn: 'ArnLike or ArnEquals',
  Numeric: 'NumericEquals, NumericLessThan, ...',
  Date: 'DateGreaterThan, DateLessThan, ...',
  Bool: 'Bool',
  IpAddress: 'IpAddress or NotIpAddress',
  String: 'StringEquals, StringLike, ...',
};

export default defineRule({
  id: 'condition-type-mismatch',
  meta: {
    description: "A condition operator does not fit the key's type (for example a String operator on a Numeric or Date key).",
    category: 'conditions',
    defaultSeverity: 'warning',
    messages: {
      mismatch: '{{operator}} compares {{family}} values, but "{{key}}" is {{type}}: use {{suggested}}.',
      usable: '{{operator}} works on "{{key}}", but it is an ARN: {{suggested}} matches ARNs field by field.',
    },
  },
  check({ policy, catalog, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const parsed = parseOperator(clause.operator);
        const family = parsed.info?.family;
        if (!family || family === 'Null') {
          continue;
        }
        for (const entry of clause.entries) {
          const info = catalog.conditionKey(entry.key);
          if (!info) {
            continue;
          }
          const type = baseKeyType(info.type);
          // aws:EpochTime takes Date and Numeric operators
          if (info.key === 'aws:EpochTime' && family === 'Numeric') {
            continue;
          }
          const fit = familyAcceptsType(family, type);
          if (fit === 'yes') {
            continue;
          }
          const target = familyForType(type);
          const data = { operator: clause.operator, family, key: entry.key, type: info.type, suggested: SUGGESTED[target] ?? target };
          if (fit === 'usable') {
            report({ messageId: 'usable', at: keyOf(clause.element), data, severity: 'info' });
          } else {
            report({ messageId: 'mismatch', at: keyOf(clause.element), data });
          }
        }
      }
    }
  },
});
