/**
 * The IAM catalog of one CLI run: the files its environment names (IAM_POLICY_CATALOG,
 * IAM_POLICY_MANAGED_POLICIES), else the ones shipped in the package.
 */
import type { IamCatalog } from '../catalog/catalog';
import { catalogPath } from '../node/files';
import { loadCatalog } from '../node/loadCatalog';
import { managedPoliciesPath } from '../node/loadManagedPolicies';
import type { CliIo } from './io';

/** Loads the run's catalog; throws when it is missing or damaged. */
export function loadRunCatalog(io: Pick<CliIo, 'env'>): IamCatalog {
  return loadCatalog(catalogPath(io.env), managedPoliciesPath(io.env));
}
