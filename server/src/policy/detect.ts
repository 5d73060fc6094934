/** Which JSON documents are IAM policies. */
import type { JsonTree } from '../syntax/parseJson';
import { VERSIONS } from './model';

/**
 * A JSON document is a policy when its root object has `Statement`, or `Version` with one of the
 * two policy language versions. Files matched by the `iamPolicy.files` globs are policies whatever
 * they contain (that check lives with the settings).
 */
export function looksLikePolicy(tree: JsonTree): boolean {
  const root = tree.root;
  if (root?.type !== 'object') {
    return false;
  }
  for (const property of root.children ?? []) {
    const key = property.children?.[0]?.value;
    if (key === 'Statement') {
      return true;
    }
    const value = property.children?.[1];
    if (key === 'Version' && value?.type === 'string' && (VERSIONS as readonly string[]).includes(String(value.value))) {
      return true;
    }
  }
  return false;
}
