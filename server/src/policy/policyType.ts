/**
 * Which kind of policy a document is. Inference looks at the statements only; settings, globs and
 * the embedding template override it (see `resolvePolicyType`).
 */
import type { PolicyType, PolicyTypeSource, Statement } from './model';

/** Actions that belong in a role trust policy. */
const TRUST_ACTION =
  /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|AssumeRole\*|\*)$/i;
const ASSUME_ACTION = /^sts:AssumeRole/i;

/**
 * - no statement has Principal/NotPrincipal -> identity
 * - every statement with a principal allows only sts:AssumeRole* (and session tagging) -> trust
 * - otherwise -> resource
 * SCPs and RCPs look like identity and resource policies; they need a setting or a glob.
 */
export function inferPolicyType(statements: Statement[]): PolicyType {
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) {
    return 'identity';
  }
  let sawAssume = false;
  for (const s of withPrincipal) {
    const actions = (s.action ?? s.notAction)?.values.map((v) => v.value) ?? [];
    if (s.notAction || actions.length === 0 || !actions.every((a) => TRUST_ACTION.test(a))) {
      return 'resource';
    }
    if (actions.some((a) => ASSUME_ACTION.test(a))) {
      sawAssume = true;
    }
  }
  return sawAssume ? 'trust' : 'resource';
}

export interface PolicyTypeSettings {
  /** `auto` or an explicit type */
  policyType: PolicyType | 'auto';
  /** glob -> type */
  policyTypes: Record<string, PolicyType>;
}

/**
 * Explicit type for a file from settings: a matching glob wins over the single setting.
 * Returns undefined when the type should be inferred.
 */
export function explicitPolicyType(
  settings: PolicyTypeSettings,
  matchesGlob: (glob: string) => boolean,
): { type: PolicyType; source: PolicyTypeSource } | undefined {
  for (const [glob, type] of Object.entries(settings.policyTypes)) {
    if (matchesGlob(glob)) {
      return { type, source: 'glob' };
    }
  }
  if (settings.policyType !== 'auto') {
    return { type: settings.policyType, source: 'setting' };
  }
  return undefined;
}

/** The Access Analyzer API's name for a policy type. */
export function accessAnalyzerPolicyType(
  type: PolicyType,
): 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY' {
  switch (type) {
    case 'identity':
      return 'IDENTITY_POLICY';
    case 'resource':
    case 'trust':
      return 'RESOURCE_POLICY';
    case 'scp':
      return 'SERVICE_CONTROL_POLICY';
    case 'rcp':
      return 'RESOURCE_CONTROL_POLICY';
  }
}
