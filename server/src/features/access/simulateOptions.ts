/**
 * What the editor's "Can this policy …?" input flow offers for a document: actions (the ones the
 * policy names, expanded against the catalog, first; then the rest of the catalog), the resources
 * the policy writes, and the condition keys it tests with the values it compares them to.
 */
import { expandPatterns } from '../../analysis/expandActions';
import type { IamCatalog } from '../../catalog/catalog';
import type { AccessLevel } from '../../catalog/catalog';
import { t, type MessageId } from '../../i18n';
import type { PolicyFile } from '../../policy/policyFile';

export interface SimulateOption {
  /** `s3:GetObject` */
  action: string;
  /** localized access level */
  accessLevel: string;
  /** named (or matched by a pattern) in the policy */
  inPolicy: boolean;
}

export interface SimulateOptions {
  actions: SimulateOption[];
  resources: string[];
  conditionKeys: { key: string; values: string[] }[];
}

/** Actions of the policy beyond this many are not listed first (a `*` would list the catalog twice). */
const MAX_POLICY_ACTIONS = 2000;

const levels = (level: AccessLevel): string => t(`accessLevel.${level}` as MessageId);

export function simulateOptions(file: PolicyFile, catalog: IamCatalog): SimulateOptions {
  const patterns = new Set<string>();
  const resources = new Set<string>();
  const keys = new Map<string, { key: string; values: Set<string> }>();
  for (const { policy } of file.policies) {
    for (const s of policy.statements) {
      for (const v of s.action?.values ?? []) {
        if (v.dynamic === undefined && v.value.trim()) {
          patterns.add(v.value.trim());
        }
      }
      for (const v of [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]) {
        if (v.dynamic === undefined && v.value.trim()) {
          resources.add(v.value.trim());
        }
      }
      for (const clause of s.condition?.clauses ?? []) {
        for (const entry of clause.entries) {
          const lower = entry.key.toLowerCase();
          const known = keys.get(lower) ?? { key: entry.key, values: new Set<string>() };
          for (const v of entry.values) {
            if (v.dynamic === undefined) {
              known.values.add(v.value);
            }
          }
          keys.set(lower, known);
        }
      }
    }
  }
  const named = expandPatterns([...patterns], catalog);
  const first = named.length <= MAX_POLICY_ACTIONS ? new Set(named.map((a) => a.fullName)) : new Set<string>();
  const actions: SimulateOption[] = [];
  for (const a of named) {
    if (first.has(a.fullName)) {
      actions.push({ action: a.fullName, accessLevel: levels(a.level), inPolicy: true });
    }
  }
  for (const a of catalog.actions) {
    if (!first.has(a.fullName)) {
      actions.push({ action: a.fullName, accessLevel: levels(a.level), inPolicy: false });
    }
  }
  return {
    actions,
    resources: [...resources],
    conditionKeys: [...keys.values()].map((k) => ({ key: k.key, values: [...k.values] })),
  };
}
