/** JSON paths as arrays of property names and array indices, and their display form. */
import type { JsonNode } from './parseJson';

export type JsonPath = (string | number)[];

/** `$.Statement[0].Condition.StringEquals["s3:prefix"]` */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) {
      out += `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/** Parses the display form back; returns undefined when malformed. */
export function parseJsonPath(text: string): JsonPath | undefined {
  if (!text.startsWith('$')) {
    return undefined;
  }
  const path: JsonPath = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (!m) {
      return undefined;
    }
    if (m[1] !== undefined) {
      path.push(m[1]);
    } else if (m[2] !== undefined) {
      path.push(Number(m[2]));
    } else {
      path.push(JSON.parse(`"${m[3]}"`) as string);
    }
  }
  return path;
}

export function isPathPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/** The node at a path, following the first property of each name (like jsonc-parser's findNodeAtLocation). */
export function nodeAtPath(root: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) {
      return undefined;
    }
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else if (node.type === 'object') {
      const property = node.children?.find((p) => p.children?.[0]?.value === segment);
      node = property?.children?.[1];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Walks every node depth-first. */
export function forEachNode(node: JsonNode | undefined, visit: (node: JsonNode) => void): void {
  if (!node) {
    return;
  }
  visit(node);
  for (const child of node.children ?? []) {
    forEachNode(child, visit);
  }
}
