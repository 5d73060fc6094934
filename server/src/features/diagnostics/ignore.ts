/** Rules ignored for a file by the `ignore` setting (glob -> rule ids, `*` for all). */
import { matchesGlob } from '../../util/glob';

export function ignoredRules(uri: string, ignore: Record<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const [glob, ids] of Object.entries(ignore)) {
    if (matchesGlob(uri, glob)) {
      ids.forEach((id) => out.add(id));
    }
  }
  return out;
}
