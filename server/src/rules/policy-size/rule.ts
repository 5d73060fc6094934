import type { PolicyType } from '../../policy/model';
import { defineRule } from '../ruleApi';
import { documentAnchor } from '../helpers';

interface Limit {
  limit: number;
  what: string;
  /** Organizations stores SCPs and RCPs as written: whitespace counts */
  whitespaceCounts: boolean;
}

/** The size limit of each policy type (used by refactors that grow a policy, too). */
export const LIMITS: Record<PolicyType, Limit> = {
  identity: {
    limit: 6144,
    what: 'managed policies (inline policies: 2,048 per user, 5,120 per group, 10,240 per role in total)',
    whitespaceCounts: false,
  },
  trust: { limit: 2048, what: 'role trust policies (the default quota; it can be raised to 4,096)', whitespaceCounts: false },
  resource: { limit: 20480, what: 'S3 bucket policies (SQS: 8,192; other services differ)', whitespaceCounts: false },
  scp: { limit: 5120, what: 'service control policies, where every character counts', whitespaceCounts: true },
  rcp: { limit: 5120, what: 'resource control policies, where every character counts', whitespaceCounts: true },
};

/** IAM counts characters without the whitespace between tokens: the length of the minified text. */
export function minifiedLength(text: string, start = 0, end = text.length): number {
  let count = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      count++;
      if (ch === 92 /* \\ */) {
        count++;
        i++;
      } else if (ch === 34 /* " */) {
        inString = false;
      }
    } else if (ch === 34) {
      inString = true;
      count++;
    } else if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
      count++;
    }
  }
  return count;
}

export default defineRule({
  id: 'policy-size',
  meta: {
    description: 'The policy is larger than AWS accepts for its type (or close to it).',
    category: 'limits',
    defaultSeverity: 'warning',
    messages: {
      over: 'The policy has {{count}} characters{{counting}}: over the {{limit}} allowed for {{what}}. Split it, or remove redundant actions and whitespace.',
      near: 'The policy has {{count}} characters{{counting}}, {{percent}}% of the {{limit}} allowed for {{what}}.',
    },
  },
  check({ policy, report }) {
    const root = policy.root;
    if (!root || root.type !== 'object' || policy.tree.errors.length > 0) {
      return;
    }
    const limit = LIMITS[policy.policyType];
    const count =
      limit.whitespaceCounts && policy.container.kind !== 'terraform'
        ? root.length
        : minifiedLength(policy.tree.text, root.offset, root.offset + root.length);
    const data = {
      count: count.toLocaleString('en-US'),
      limit: limit.limit.toLocaleString('en-US'),
      what: limit.what,
      counting: limit.whitespaceCounts ? '' : ' without whitespace',
      percent: Math.round((count / limit.limit) * 100),
    };
    if (count > limit.limit) {
      report({
        messageId: 'over',
        at: documentAnchor(policy),
        data,
        severity: policy.policyType === 'scp' || policy.policyType === 'rcp' ? 'error' : 'warning',
      });
    } else if (count > limit.limit * 0.9) {
      report({ messageId: 'near', at: documentAnchor(policy), data, severity: 'info' });
    }
  },
});
