/**
 * The IAM catalog of one CLI run: the files its environment names (IAM_POLICY_CATALOG,
 * IAM_POLICY_MANAGED_POLICIES), else the ones shipped in the package. A process that runs the CLI
 * several times (the tests, an embedding tool) keeps the last catalog loaded, and reuses it only
 * for the same two files unchanged since (path, size, modification time, inode); a user's process
 * runs once and loads it once either way.
 */
import fs from 'node:fs';
import type { IamCatalog } from '../catalog/catalog';
import { catalogPath } from '../node/files';
import { loadCatalog } from '../node/loadCatalog';
import { managedPoliciesPath } from '../node/loadManagedPolicies';
import type { CliIo } from './io';

let last: { key: string; catalog: IamCatalog } | undefined;

/** What identifies a file's content between runs ('-' when it is absent). */
function identity(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${file}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`;
  } catch {
    return `${file}\0-`;
  }
}

/** Loads the run's catalog; throws when it is missing or damaged. */
export function loadRunCatalog(io: Pick<CliIo, 'env'>): IamCatalog {
  const file = catalogPath(io.env);
  const managedFile = managedPoliciesPath(io.env);
  const key = `${identity(file)}\n${identity(managedFile)}`;
  if (last?.key !== key) {
    last = { key, catalog: loadCatalog(file, managedFile) };
  }
  return last.catalog;
}
