/**
 * Reads a policy file that infrastructure code references (Terraform `file()` / `templatefile()`),
 * relative to the referring file's directory: only inside the given roots (the workspace folders,
 * or the directory the CLI lints), only regular files, at most 1 MB. Open documents' text first
 * (the editor's unsaved text), then the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadRelative } from '../features/diagnostics/fileReferences';

export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/** Whether a resolved path is the root or lies under it (`..x` names included, other drives excluded). */
export function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function createReadRelative(options: {
  roots: (fromUri: string) => string[];
  openText?: (uri: string) => string | undefined;
}): ReadRelative {
  return (fromUri, relativePath) => {
    if (!fromUri.startsWith('file:')) {
      return { error: 'unreadable' };
    }
    const file = path.resolve(path.dirname(fileURLToPath(fromUri)), relativePath);
    const roots = options.roots(fromUri).map((r) => path.resolve(r));
    if (!roots.some((root) => inside(root, file))) {
      return { error: 'outside' };
    }
    const uri = pathToFileURL(file).href;
    const open = options.openText?.(uri);
    if (open !== undefined) {
      return { uri, text: open };
    }
    try {
      // a symbolic link may not lead out of the workspace either
      const real = fs.realpathSync(file);
      if (!roots.some((root) => inside(fs.existsSync(root) ? fs.realpathSync(root) : root, real))) {
        return { error: 'outside' };
      }
      const stat = fs.statSync(real);
      if (!stat.isFile()) {
        return { error: 'notFile' };
      }
      if (stat.size > MAX_REFERENCED_FILE_BYTES) {
        return { error: 'tooLarge' };
      }
      return { uri, text: fs.readFileSync(real, 'utf8') };
    } catch (err) {
      return { error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
  };
}
