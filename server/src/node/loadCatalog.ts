/**
 * Reads dist/iam-catalog.jsonl (format 2, scripts/catalog-format.mjs): the header line at start-up,
 * each service's line only when a document first needs that service; AWS managed policies
 * (dist/managed-policies.bin) load on first use.
 */
import fs from 'node:fs';
import { IamCatalog, type CatalogHeader, type RawService } from '../catalog/catalog';
import { catalogPath } from './files';
import { loadManagedPolicies } from './loadManagedPolicies';

const CHUNK = 256 * 1024;

/** The catalog in `file`, with the AWS managed policies of `managedFile` (default: the shipped index). */
export function loadCatalog(file: string = catalogPath(), managedFile?: string): IamCatalog {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new Error(`The IAM catalog ${file} is missing (run "npm run build"): ${(err as Error).message}`);
  }
  let header: CatalogHeader;
  let bodyStart: number;
  try {
    // the header is the first line: read until its newline
    const chunks: Buffer[] = [];
    let length = 0;
    let newline = -1;
    while (newline < 0) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = fs.readSync(fd, chunk, 0, CHUNK, length);
      if (read === 0) {
        break;
      }
      const at = chunk.subarray(0, read).indexOf(10);
      newline = at < 0 ? -1 : length + at;
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    const text = Buffer.concat(chunks, length).toString('utf8', 0, newline < 0 ? length : newline);
    let parsed: { format?: unknown };
    try {
      parsed = JSON.parse(text) as { format?: unknown };
    } catch (err) {
      throw new Error(`The IAM catalog ${file} is not readable (run "npm run build"): ${(err as Error).message}`);
    }
    if (parsed.format !== 2) {
      throw new Error(`The IAM catalog ${file} has format ${String(parsed.format)}; this server reads format 2 (run "npm run build").`);
    }
    header = parsed as CatalogHeader;
    bodyStart = newline + 1;
    if (fs.fstatSync(fd).size !== bodyStart + header.bodyBytes) {
      throw new Error(`The IAM catalog ${file} is truncated (run "npm run build").`);
    }
  } finally {
    fs.closeSync(fd);
  }
  const readService = (index: number): RawService => {
    const [prefix, , , , offset, bytes] = header.services[index];
    const buffer = Buffer.allocUnsafe(bytes);
    const fd = fs.openSync(file, 'r');
    try {
      if (fs.fstatSync(fd).size !== bodyStart + header.bodyBytes || fs.readSync(fd, buffer, 0, bytes, bodyStart + offset) !== bytes) {
        throw new Error(`The IAM catalog ${file} changed while the server ran (restart it).`);
      }
    } finally {
      fs.closeSync(fd);
    }
    try {
      return JSON.parse(buffer.toString('utf8')) as RawService;
    } catch (err) {
      throw new Error(`The IAM catalog ${file} is damaged at service ${prefix} (run "npm run build"): ${(err as Error).message}`);
    }
  };
  const catalog = new IamCatalog(header, readService);
  catalog.setManagedPolicies(() => loadManagedPolicies(managedFile));
  return catalog;
}
