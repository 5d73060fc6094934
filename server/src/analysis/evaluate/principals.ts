/**
 * Principal and NotPrincipal matching for resource policies: `*`, account IDs and `:root` ARNs
 * (the whole account), user and role ARNs (a role ARN also matches the role's sessions), session
 * ARNs, service, federated and canonical-user principals.
 */
import type { PrincipalBlock } from '../../policy/model';
import type { EvalPrincipal, PrincipalKind, PrincipalMatch } from './types';

export interface NormalizedPrincipal {
  arn: string | undefined;
  account: string | undefined;
  kind: PrincipalKind;
  /** for role sessions: the role's ARN without its path (`arn:aws:iam::1:role/Name`) and name */
  roleName?: string;
}

export function normalizePrincipal(p: EvalPrincipal | undefined): NormalizedPrincipal {
  const arn = p?.arn?.trim() || undefined;
  let kind: PrincipalKind =
    p?.kind ??
    (!arn
      ? 'Anonymous'
      : arn.startsWith('arn:')
        ? 'AWS'
        : /\.amazonaws\.com(\.cn)?$/i.test(arn)
          ? 'Service'
          : /^\d{12}$/.test(arn)
            ? 'AWS'
            : 'CanonicalUser');
  let account = p?.account;
  if (!account && arn) {
    const fields = arn.split(':');
    if (fields.length >= 6 && /^\d{12}$/.test(fields[4])) {
      account = fields[4];
    } else if (/^\d{12}$/.test(arn)) {
      account = arn;
    }
  }
  if (arn && /:saml-provider\/|:oidc-provider\//.test(arn) && !p?.kind) {
    kind = 'Federated';
  }
  const session = arn ? /^arn:[^:]+:sts::\d{12}:assumed-role\/([^/]+)\//.exec(arn) : null;
  return { arn, account, kind, ...(session ? { roleName: session[1] } : {}) };
}

/** How (if at all) one Principal value names the request's principal. */
function matchValue(type: string, value: string, p: NormalizedPrincipal): PrincipalMatch | undefined {
  const v = value.trim();
  if (v === '*') {
    return type === 'AWS' || type === '*' ? 'any' : undefined;
  }
  switch (type) {
    case 'AWS': {
      if (p.kind !== 'AWS' || !p.arn) {
        return undefined;
      }
      if (/^\d{12}$/.test(v)) {
        return v === p.account ? 'account' : undefined;
      }
      const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(v);
      if (root) {
        return root[1] === p.account ? 'account' : undefined;
      }
      if (v === p.arn) {
        return 'exact';
      }
      // a role ARN names its sessions too (the role name, whatever the role's path)
      const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(v);
      if (role && p.roleName && role[1] === p.account && role[2] === p.roleName) {
        return 'role';
      }
      return undefined;
    }
    case 'Service':
      return p.kind === 'Service' && p.arn?.toLowerCase() === v.toLowerCase() ? 'service' : undefined;
    case 'Federated':
      return p.kind === 'Federated' && p.arn === v ? 'federated' : undefined;
    case 'CanonicalUser':
      return p.kind === 'CanonicalUser' && p.arn === v ? 'canonical' : undefined;
    default:
      return undefined;
  }
}

export function matchPrincipalBlock(block: PrincipalBlock, p: NormalizedPrincipal): PrincipalMatch | undefined {
  if (block.scalar) {
    return block.scalar.value.trim() === '*' ? 'any' : undefined;
  }
  let best: PrincipalMatch | undefined;
  for (const entry of block.entries) {
    for (const v of entry.values.values) {
      if (v.dynamic) {
        continue;
      }
      const m = matchValue(entry.type, v.value, p);
      // a grant to the account delegates to identity policies; a named principal is stronger
      if (m && (!best || best === 'account' || best === 'role')) {
        best = m === 'account' && best ? best : m;
      }
    }
  }
  return best;
}

/**
 * NotPrincipal excludes a principal only when every identity in its chain is listed: its own ARN,
 * the role ARN of a session, and its account (the IAM User Guide's NotPrincipal page: list the
 * account ARN as well, or the statement applies to the named principal too).
 */
export function notPrincipalExcludes(block: PrincipalBlock, p: NormalizedPrincipal): boolean {
  if (block.scalar) {
    return block.scalar.value.trim() === '*';
  }
  const listed = (pred: (m: PrincipalMatch | undefined) => boolean) =>
    block.entries.some((e) => e.values.values.some((v) => !v.dynamic && pred(matchValue(e.type, v.value, p))));
  if (listed((m) => m === 'any')) {
    return true;
  }
  if (p.kind !== 'AWS') {
    return listed((m) => m !== undefined);
  }
  const self = listed((m) => m === 'exact');
  const role = p.roleName === undefined || listed((m) => m === 'role');
  const account = p.account === undefined || listed((m) => m === 'account');
  return self && role && account;
}
