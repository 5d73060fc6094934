import { parseOperator } from '../../catalog/operators';
import { defineRule } from '../ruleApi';
import { placeholdersIn } from '../derivedValues';

function isIpv4Cidr(v: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(v);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && (m[5] === undefined || Number(m[5]) <= 32);
}

function isIpv6Cidr(v: string): boolean {
  const [addr, prefix, ...rest] = v.split('/');
  if (rest.length || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128))) {
    return false;
  }
  if (!/^[0-9a-f:.]+$/i.test(addr) || !addr.includes(':')) {
    return false;
  }
  const doubles = addr.split('::').length - 1;
  if (doubles > 1) {
    return false;
  }
  const groups = addr.split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g) || isIpv4Cidr(g)) && (doubles === 1 ? groups.length < 8 : groups.length === 8);
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export default defineRule({
  id: 'condition-value-format',
  meta: {
    description: 'A condition value has the wrong form for its operator (a bad CIDR range, date, number or boolean).',
    category: 'conditions',
    defaultSeverity: 'warning',
    messages: {
      ip: '"{{value}}" is not an IP address or CIDR range (for example 203.0.113.0/24 or 2001:db8::/32).',
      number: '"{{value}}" is not a number.',
      date: '"{{value}}" is not a date: use ISO 8601 (2026-01-31T23:59:59Z) or epoch seconds.',
      bool: '"{{value}}" is not a boolean: use "true" or "false".',
      boolMany: '{{operator}} takes a single value; with both "true" and "false" the condition always matches.',
      arn: '"{{value}}" is not an ARN (ARN operators compare ARNs).',
      base64: '"{{value}}" is not base-64 encoded.',
      placeholder: '"{{value}}" still has the placeholder {{names}}: fill in the real value.',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        const family = parseOperator(clause.operator).info?.family;
        if (!family) {
          continue;
        }
        for (const entry of clause.entries) {
          const values = entry.values.filter((v) => !v.dynamic);
          if ((family === 'Bool' || family === 'Null') && values.length > 1 && new Set(values.map((v) => v.value.toLowerCase())).size > 1) {
            report({
              messageId: 'boolMany',
              at: { node: entry.element.valueNode ?? entry.element.keyNode, path: entry.element.path },
              data: { operator: clause.operator },
              severity: 'error',
            });
            continue;
          }
          for (const v of values) {
            const value = v.value.trim();
            // a placeholder a quick-fix left (`<ServicePrincipal>`): one finding says what to fill in
            const placeholders = placeholdersIn(value);
            if (placeholders.length > 0) {
              report({
                messageId: 'placeholder',
                at: v,
                data: { value, names: placeholders.map((p) => `<${p}>`).join(', ') },
                severity: 'error',
              });
              continue;
            }
            if (value.includes('${')) {
              continue;
            }
            let bad: string | undefined;
            switch (family) {
              case 'IpAddress':
                if (!isIpv4Cidr(value) && !isIpv6Cidr(value)) {
                  bad = 'ip';
                }
                break;
              case 'Numeric':
                if (!/^-?\d+(\.\d+)?$/.test(value)) {
                  bad = 'number';
                }
                break;
              case 'Date':
                if (!(/^\d+$/.test(value) || (DATE.test(value) && !Number.isNaN(Date.parse(value))))) {
                  bad = 'date';
                }
                break;
              case 'Bool':
              case 'Null':
                if (!/^(true|false)$/i.test(value)) {
                  bad = 'bool';
                }
                break;
              case 'Arn':
                if (!value.startsWith('arn:') && value !== '*') {
                  bad = 'arn';
                }
                break;
              case 'Binary':
                if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
                  bad = 'base64';
                }
                break;
              default:
                break;
            }
            if (bad) {
              report({ messageId: bad, at: v, data: { value } });
            }
          }
        }
      }
    }
  },
});
