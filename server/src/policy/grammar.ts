/** Which statement elements each policy type supports. */
import { STATEMENT_ELEMENTS, type PolicyType } from './model';

const ALL: readonly string[] = STATEMENT_ELEMENTS;
const NO_PRINCIPAL = ALL.filter((e) => e !== 'Principal' && e !== 'NotPrincipal');

export const ELEMENTS_BY_TYPE: Record<PolicyType, ReadonlySet<string>> = {
  identity: new Set(NO_PRINCIPAL),
  // SCPs accept the full policy language except principals (since September 2025)
  scp: new Set(NO_PRINCIPAL),
  resource: new Set(ALL),
  // a trust policy names who may assume the role; the resource is the role itself
  trust: new Set(['Sid', 'Effect', 'Principal', 'Action', 'NotAction', 'Condition']),
  // RCPs: Principal must be "*"; no NotPrincipal, no NotAction
  rcp: new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition']),
};

export function elementsAllowed(type: PolicyType): ReadonlySet<string> {
  return ELEMENTS_BY_TYPE[type];
}

/** Elements a statement of this type must have (one of each group). */
export function requiredElements(type: PolicyType): string[][] {
  const base = [['Effect'], ['Action', 'NotAction']];
  switch (type) {
    case 'identity':
    case 'scp':
      return [...base, ['Resource', 'NotResource']];
    case 'resource':
      return [...base, ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];
    case 'rcp':
      return [...base, ['Resource', 'NotResource'], ['Principal']];
    case 'trust':
      return [...base, ['Principal']];
  }
}
