import { defineRule } from '../ruleApi';
import { fix, type Payload } from './fix';

/** RFC 1918, carrier-grade NAT, loopback and link-local ranges, and their IPv6 counterparts. */
function isPrivate(value: string): boolean {
  const v4 = /^(\d+)\.(\d+)\./.exec(value);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return (
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return /^(fc|fd|fe80|::1)/i.test(value);
}

export default defineRule<Payload>({
  id: 'private-ip-in-source-ip',
  fix,
  meta: {
    description: 'aws:SourceIp is compared with a private IP range, which it never contains.',
    category: 'conditions',
    defaultSeverity: 'warning',
    fixable: true,
    fixAccess: 'narrows',
    messages: {
      private:
        '"{{value}}" is a private range, but aws:SourceIp is the public address the request comes from: for traffic through a VPC endpoint use aws:VpcSourceIp (with aws:SourceVpc or aws:SourceVpce).',
    },
  },
  check({ policy, report }) {
    for (const s of policy.statements) {
      for (const clause of s.condition?.clauses ?? []) {
        if (!/IpAddress/.test(clause.operator)) {
          continue;
        }
        for (const entry of clause.entries) {
          if (entry.key.toLowerCase() !== 'aws:sourceip') {
            continue;
          }
          for (const v of entry.values) {
            if (isPrivate(v.value.trim())) {
              report({ messageId: 'private', at: v, data: { value: v.value } });
            }
          }
        }
      }
    }
  },
});
