/**
 * The never-widen check for code actions: given a policy before and after an edit, samples
 * requests (the actions of the services involved, expanded against the catalog x the resources
 * written in either version x context values from their conditions x the principals they name)
 * and reports every request the edited policy allows that the original denied. Rewrites that must
 * not change access at all (merging statements, removing a redundant action) also check the
 * reverse.
 */
import type { IamCatalog } from '../../catalog/catalog';
import type { PolicyDocument } from '../../policy/model';
import { compareAccess, type AccessEntry } from './access';
import { allowAllIdentity } from './access';
import type { EvalPolicy } from './types';

export interface WideningReport {
  /** requests allowed after the edit and denied before it */
  widened: AccessEntry[];
  /** requests allowed before the edit and denied after it */
  narrowed: AccessEntry[];
  /** requests evaluated per version */
  requests: number;
}

/**
 * Both versions are read as the original's policy type, so an edit cannot change how they are
 * evaluated. `narrowed: false` leaves `narrowed` empty (a caller that asks only "does it widen?").
 */
export function checkNeverWiden(
  before: PolicyDocument,
  after: PolicyDocument,
  catalog: IamCatalog,
  options: { narrowed?: boolean } = {},
): WideningReport {
  const type = before.policyType;
  const side = (doc: PolicyDocument): EvalPolicy[] => {
    const own: EvalPolicy = { type, document: doc };
    return type === 'identity' ? [own] : [own, allowAllIdentity()];
  };
  const diff = compareAccess(side(before), side(after), catalog, { addedOnly: options.narrowed === false });
  return { widened: diff.added, narrowed: diff.removed, requests: diff.requests };
}
