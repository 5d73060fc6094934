/** Reads and indexes dist/iam-catalog.json; AWS managed policies (dist/managed-policies.bin) load on first use. */
import fs from 'node:fs';
import { IamCatalog, type CatalogData } from '../catalog/catalog';
import { catalogPath } from './files';
import { loadManagedPolicies } from './loadManagedPolicies';

export function loadCatalog(file: string = catalogPath()): IamCatalog {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`The IAM catalog ${file} is missing (run "npm run build"): ${(err as Error).message}`);
  }
  const data = JSON.parse(text) as CatalogData;
  if (data.format !== 1) {
    throw new Error(`The IAM catalog ${file} has format ${String(data.format)}; this server reads format 1.`);
  }
  const catalog = new IamCatalog(data);
  catalog.setManagedPolicies(() => loadManagedPolicies());
  return catalog;
}
