/**
 * Reads dist/managed-policies.bin (scripts/build-managed-policies.mjs): the header (names, paths,
 * versions) when first needed, and each chunk of documents only when a document in it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ManagedPolicies, type ManagedPolicyIndexData } from '../catalog/managedPolicies';
import { packageRoot } from './files';

/** The index file: IAM_POLICY_MANAGED_POLICIES of the environment (the CLI passes its run's), else the shipped one. */
export function managedPoliciesPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.IAM_POLICY_MANAGED_POLICIES ?? path.join(packageRoot(), 'dist', 'managed-policies.bin');
}

/** The index, or undefined when the file is absent (a build without the dev dependency); throws on a damaged file. */
export function loadManagedPolicies(file: string = managedPoliciesPath()): ManagedPolicies | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'IMP1') {
    throw new Error(`${file} is not a managed-policy index (run "npm run build")`);
  }
  const headerLength = bytes.readUInt32LE(4);
  const data = JSON.parse(zlib.brotliDecompressSync(bytes.subarray(8, 8 + headerLength)).toString('utf8')) as ManagedPolicyIndexData;
  if (data.format !== 1) {
    throw new Error(`${file} has format ${String(data.format)}; this server reads format 1.`);
  }
  const base = 8 + headerLength;
  return new ManagedPolicies(data, (_index, [offset, length]) =>
    zlib.brotliDecompressSync(bytes.subarray(base + offset, base + offset + length)).toString('utf8'),
  );
}
