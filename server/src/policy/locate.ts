/**
 * "What is under the cursor?" in IAM terms. Works on half-typed JSON: jsonc-parser's getLocation
 * scans the raw text, so an unclosed string or a missing comma still yields the JSON path and the
 * token being typed.
 */
import { getLocation, type Location } from 'jsonc-parser';
import type { JsonNode } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';
import type { PolicyDocument, Statement } from './model';

/** The token being typed and the exact range a completion must replace. */
export interface Token {
  /** text typed so far inside the quotes (up to the cursor) */
  prefix: string;
  /** the whole string value (for hover) */
  value: string;
  /** range of the whole token, quotes included; empty range at the cursor when nothing is typed */
  offset: number;
  length: number;
  /** the token has an opening quote */
  quoted: boolean;
  /** the token has its closing quote */
  closed: boolean;
  /** a whole value read from a YAML or HCL tree (plain YAML scalars have no quotes) */
  fromTree?: boolean;
  /** the policy is JSON inside a quoted host string: its quotes are written `\"` and inserted text must be escaped */
  escaped?: boolean;
}

export type CursorContext =
  | { kind: 'topLevelKey' }
  | { kind: 'statementKey'; statement: Statement | undefined; statementPath: JsonPath }
  | { kind: 'statementList' }
  | { kind: 'version' }
  | { kind: 'effect'; statement: Statement | undefined }
  | { kind: 'sid'; statement: Statement | undefined }
  | { kind: 'action'; statement: Statement | undefined; negated: boolean }
  | { kind: 'resource'; statement: Statement | undefined; negated: boolean }
  | { kind: 'principalKey'; statement: Statement | undefined }
  | { kind: 'principalValue'; statement: Statement | undefined; principalType: string | undefined }
  | { kind: 'conditionOperator'; statement: Statement | undefined }
  | { kind: 'conditionKey'; statement: Statement | undefined; operator: string }
  | { kind: 'conditionValue'; statement: Statement | undefined; operator: string; key: string }
  | { kind: 'other' };

export interface CursorLocation {
  context: CursorContext;
  token: Token;
  isAtPropertyKey: boolean;
  /** path relative to the policy root */
  path: JsonPath;
}

/**
 * @param text whole document text
 * @param offset cursor offset
 * @param policy the model of the same text (for the statement under the cursor)
 * @param basePath path of the policy root inside the document (embedded policies)
 */
export function locate(text: string, offset: number, policy: PolicyDocument | undefined, basePath: JsonPath = []): CursorLocation {
  if (policy?.root && policy.container.kind === 'cdk') {
    return locateInCode(text, offset, policy);
  }
  // YAML and Terraform are not JSON text: walk the tree they were converted to instead
  if (policy?.root && policy.container.stringEncoding === 'escaped') {
    // JSON inside a quoted string: the host text is not JSON, the decoded tree keeps host offsets
    const { path, isAtPropertyKey, tokenNode } = walkTree(policy.root, offset);
    const token = escapedToken(text, offset, tokenNode);
    return { context: contextFor(path, isAtPropertyKey, policy), token, isAtPropertyKey, path };
  }
  if (
    policy?.root &&
    (policy.container.kind === 'terraform' || (policy.container.kind === 'cloudformation' && text[policy.root.offset] !== '{'))
  ) {
    const { path, isAtPropertyKey, tokenNode } = walkTree(
      policy.root,
      offset,
      policy.container.kind === 'cloudformation' ? text : undefined,
    );
    const token = treeToken(text, offset, tokenNode);
    return { context: contextFor(path, isAtPropertyKey, policy), token, isAtPropertyKey, path };
  }
  const location = locationIn(text, offset, policy);
  const token = tokenAt(text, offset, location);
  const fullPath = location.path;
  const path = basePath.length > 0 && startsWith(fullPath, basePath) ? fullPath.slice(basePath.length) : fullPath;
  const isAtPropertyKey = location.isAtPropertyKey || keyAfterMissingComma(text, token, path);
  const context = contextFor(path, isAtPropertyKey, policy);
  return { context, token, isAtPropertyKey, path };
}

/** The path to the node under the offset in a converted tree (YAML, HCL), as getLocation would give it. */
function walkTree(root: JsonNode, offset: number, yamlText?: string): { path: JsonPath; isAtPropertyKey: boolean; tokenNode?: JsonNode } {
  const contains = (n: JsonNode) => offset >= n.offset && offset <= n.offset + n.length;
  const path: JsonPath = [];
  let node = root;
  for (let depth = 0; depth < 64; depth++) {
    if (node.type === 'object') {
      const property = node.children?.find(contains);
      const [key, value] = property?.children ?? [];
      if (!property || !key) {
        // inside the object, between properties: a new key is being typed
        return { path: [...path, ''], isAtPropertyKey: true };
      }
      if (contains(key)) {
        return { path: [...path, String(key.value)], isAtPropertyKey: true, tokenNode: key };
      }
      if (yamlText !== undefined && value) {
        // YAML while typing a key: `s3:|` reads as the key "s3" with no value, and a plain word on
        // the line under `Condition:` as that key's value; both are a key being typed
        const keyEnd = key.offset + key.length;
        if (value.type === 'null' && value.length === 0 && yamlText[keyEnd] === ':' && offset === keyEnd + 1) {
          return {
            path: [...path, `${String(key.value)}:`],
            isAtPropertyKey: true,
            tokenNode: { type: 'string', offset: key.offset, length: offset - key.offset, value: `${String(key.value)}:` } as JsonNode,
          };
        }
        if (
          value.type === 'string' &&
          contains(value) &&
          /\n/.test(yamlText.slice(keyEnd, value.offset)) &&
          !/^['"|>]/.test(yamlText[value.offset] ?? '')
        ) {
          return { path: [...path, String(key.value), String(value.value)], isAtPropertyKey: true, tokenNode: value };
        }
      }
      path.push(String(key.value));
      if (!value || !contains(value)) {
        return { path, isAtPropertyKey: false };
      }
      node = value;
    } else if (node.type === 'array') {
      const index = node.children?.findIndex(contains) ?? -1;
      if (index < 0) {
        return { path: [...path, node.children?.length ?? 0], isAtPropertyKey: false };
      }
      path.push(index);
      node = node.children![index];
    } else {
      return { path, isAtPropertyKey: false, ...(node.type === 'string' ? { tokenNode: node } : {}) };
    }
  }
  return { path, isAtPropertyKey: false };
}

/**
 * In code (CDK), the tree is assembled from pieces of the file and only string literals are
 * policy text: the cursor must be inside one (not on an identifier, a variable or a template
 * literal with `${}`). The path comes from the literal's ancestors; the token is the literal,
 * with its own quote (`'`, `"`, `` ` ``, Python's `'''` and prefixes are kept by the caller).
 */
function locateInCode(text: string, offset: number, policy: PolicyDocument): CursorLocation {
  const none: CursorLocation = {
    context: { kind: 'other' },
    token: { prefix: '', value: '', offset, length: 0, quoted: false, closed: false },
    isAtPropertyKey: false,
    path: [],
  };
  let found: JsonNode | undefined;
  // every string node that is a literal around the offset; the last one (a value after its key) wins
  const stack: { node: JsonNode; depth: number }[] = [{ node: policy.root!, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'string') {
      const quote = text[node.offset];
      const end = node.offset + node.length;
      const literal = (quote === '"' || quote === "'" || quote === '`') && node.length >= 1;
      // a template literal with `${}` is computed; a Python triple-quoted string is not a policy value
      const interpolated = (quote === '`' && text.slice(node.offset, end).includes('${')) || text.startsWith(quote.repeat(3), node.offset);
      if (literal && !interpolated && offset > node.offset && (offset < end || (offset === end && text[end - 1] !== quote))) {
        if (!found || node.offset >= found.offset) {
          found = node;
        }
      }
      continue;
    }
    if (depth < 64) {
      for (const child of node.children ?? []) {
        stack.push({ node: child, depth: depth + 1 });
      }
    }
  }
  if (!found) {
    return none;
  }
  const path: JsonPath = [];
  let isAtPropertyKey = false;
  let node: JsonNode = found;
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) {
    isAtPropertyKey = true;
    path.unshift(String(node.value));
  }
  for (let n: JsonNode | undefined = node; n && n !== policy.root; n = n.parent) {
    const parent: JsonNode | undefined = n.parent;
    if (!parent) {
      return none;
    }
    if (parent.type === 'array') {
      path.unshift(parent.children!.indexOf(n));
    } else if (parent.type === 'property' && parent.children?.[1] === n) {
      path.unshift(String(parent.children[0].value));
    }
    node = parent;
  }
  const quote = text[found.offset];
  const end = found.offset + found.length;
  const closed = found.length >= 2 && text[end - 1] === quote;
  const token: Token = {
    prefix: text.slice(found.offset + 1, offset),
    value: typeof found.value === 'string' ? found.value : text.slice(found.offset + 1, closed ? end - 1 : end),
    offset: found.offset,
    length: found.length,
    quoted: true,
    closed,
    fromTree: true,
  };
  return { context: contextFor(path, isAtPropertyKey, policy), token, isAtPropertyKey, path };
}

/** A string of JSON written inside a quoted host string: it opens and closes with `\"`. */
function escapedToken(text: string, offset: number, node: JsonNode | undefined): Token {
  if (!node || text[node.offset] !== '\\' || text[node.offset + 1] !== '"') {
    const token = tokenAt(text, offset, { previousNode: undefined });
    return { ...token, escaped: true };
  }
  const end = node.offset + node.length;
  const closed = node.length >= 4 && text.slice(end - 2, end) === '\\"';
  const raw = text.slice(node.offset + 2, Math.max(offset, node.offset + 2));
  return {
    prefix: raw.replace(/\\(.)/g, '$1'),
    value: typeof node.value === 'string' ? node.value : '',
    offset: node.offset,
    length: node.length,
    quoted: true,
    closed,
    fromTree: true,
    escaped: true,
  };
}

function treeToken(text: string, offset: number, node: JsonNode | undefined): Token {
  if (!node) {
    return tokenAt(text, offset, { previousNode: undefined });
  }
  const quote = text[node.offset];
  const quoted = quote === '"' || quote === "'";
  const end = node.offset + node.length;
  const closed = quoted && node.length >= 2 && text[end - 1] === quote;
  return {
    prefix: text.slice(node.offset + (quoted ? 1 : 0), Math.max(offset, node.offset + (quoted ? 1 : 0))),
    value: typeof node.value === 'string' ? node.value : text.slice(node.offset, end),
    offset: node.offset,
    length: node.length,
    quoted,
    closed,
    fromTree: true,
  };
}

/**
 * getLocation scans from the start of the text, which costs milliseconds in a 1 MB policy. Inside
 * a complete statement object the answer is the same when only that statement is scanned, with
 * the statement's path in front and offsets shifted back.
 */
function locationIn(
  text: string,
  offset: number,
  policy: PolicyDocument | undefined,
): Pick<Location, 'path' | 'previousNode' | 'isAtPropertyKey'> {
  const statements = policy?.statements ?? [];
  // statements are in text order: binary search for the one around the offset
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = statements[mid].node;
    if (offset <= node.offset) {
      hi = mid - 1;
    } else if (offset >= node.offset + node.length) {
      lo = mid + 1;
    } else {
      const start = node.offset;
      const end = start + node.length;
      if (node.type !== 'object' || text[end - 1] !== '}' || text[start] !== '{') {
        break;
      }
      const inner = getLocation(text.slice(start, end), offset - start);
      const previous = inner.previousNode;
      return {
        path: [...statements[mid].path, ...inner.path],
        previousNode: previous ? ({ ...previous, offset: previous.offset + start } as typeof previous) : undefined,
        isAtPropertyKey: inner.isAtPropertyKey,
      };
    }
  }
  return getLocation(text, offset);
}

/**
 * `"Effect": "Allow"\n "Res|` (a comma forgotten): getLocation reads `"Res` as the value of a
 * property named Res. A value follows a colon; anything else before the token means it is a key.
 */
function keyAfterMissingComma(text: string, token: Token, path: JsonPath): boolean {
  const last = path[path.length - 1];
  if (!token.quoted || typeof last !== 'string' || last !== token.value) {
    return false;
  }
  let i = token.offset - 1;
  while (i >= 0 && /\s/.test(text[i])) {
    i--;
  }
  return i >= 0 && text[i] !== ':' && text[i] !== '[' && text[i] !== ',';
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

function tokenAt(text: string, offset: number, location: Pick<Location, 'previousNode'>): Token {
  const node = location.previousNode;
  if (node && (node.type === 'string' || node.type === 'property')) {
    // for a property, previousNode spans the key string
    const start = node.offset;
    const length = node.length;
    const closed = length >= 2 && text[start + length - 1] === '"' && !isEscaped(text, start + length - 1);
    const end = start + length;
    const inside = offset > start && (closed ? offset < end : offset <= end);
    if (inside) {
      return {
        prefix: text.slice(start + 1, offset),
        value: typeof node.value === 'string' ? node.value : text.slice(start + 1, closed ? end - 1 : end),
        offset: start,
        length,
        quoted: true,
        closed,
      };
    }
  }
  // an unquoted word being typed (e.g. `Eff` without quotes): replace it too
  let start = offset;
  while (start > 0 && /[A-Za-z0-9:*?_\-./]/.test(text[start - 1])) {
    start--;
  }
  return {
    prefix: text.slice(start, offset),
    value: text.slice(start, offset),
    offset: start,
    length: offset - start,
    quoted: false,
    closed: false,
  };
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

function statementFor(
  policy: PolicyDocument | undefined,
  path: JsonPath,
): { statement: Statement | undefined; rest: JsonPath; statementPath: JsonPath } | undefined {
  if (path[0] !== 'Statement') {
    return undefined;
  }
  if (typeof path[1] === 'number') {
    const index = path[1];
    return { statement: policy?.statements.find((s) => s.index === index), rest: path.slice(2), statementPath: path.slice(0, 2) };
  }
  // Statement is a single object
  return { statement: policy?.statements.find((s) => s.index === undefined), rest: path.slice(1), statementPath: path.slice(0, 1) };
}

function contextFor(path: JsonPath, isAtPropertyKey: boolean, policy: PolicyDocument | undefined): CursorContext {
  if (path.length === 1 && isAtPropertyKey) {
    return { kind: 'topLevelKey' };
  }
  if (path.length === 1 && path[0] === 'Version') {
    return { kind: 'version' };
  }
  if (path[0] !== 'Statement') {
    return { kind: 'other' };
  }
  // inside the Statement array but not in an object: `"Statement": [ | ]`
  if (path.length === 2 && typeof path[1] === 'number' && !isAtPropertyKey) {
    return { kind: 'statementList' };
  }
  const found = statementFor(policy, path);
  if (!found) {
    return { kind: 'other' };
  }
  const { statement, rest, statementPath } = found;
  if (rest.length === 1 && isAtPropertyKey) {
    return { kind: 'statementKey', statement, statementPath };
  }
  const element = rest[0];
  switch (element) {
    case 'Effect':
      return rest.length === 1 ? { kind: 'effect', statement } : { kind: 'other' };
    case 'Sid':
      return rest.length === 1 ? { kind: 'sid', statement } : { kind: 'other' };
    case 'Action':
    case 'NotAction':
      if (rest.length === 1 || (rest.length === 2 && typeof rest[1] === 'number')) {
        return { kind: 'action', statement, negated: element === 'NotAction' };
      }
      return { kind: 'other' };
    case 'Resource':
    case 'NotResource':
      if (rest.length === 1 || (rest.length === 2 && typeof rest[1] === 'number')) {
        return { kind: 'resource', statement, negated: element === 'NotResource' };
      }
      return { kind: 'other' };
    case 'Principal':
    case 'NotPrincipal':
      if (rest.length === 2 && isAtPropertyKey) {
        return { kind: 'principalKey', statement };
      }
      if (rest.length === 1 && !isAtPropertyKey) {
        return { kind: 'principalValue', statement, principalType: undefined };
      }
      if ((rest.length === 2 || (rest.length === 3 && typeof rest[2] === 'number')) && !isAtPropertyKey) {
        return { kind: 'principalValue', statement, principalType: String(rest[1]) };
      }
      return { kind: 'other' };
    case 'Condition':
      if (rest.length === 2 && isAtPropertyKey) {
        return { kind: 'conditionOperator', statement };
      }
      if (rest.length === 3 && isAtPropertyKey) {
        return { kind: 'conditionKey', statement, operator: String(rest[1]) };
      }
      if ((rest.length === 3 || (rest.length === 4 && typeof rest[3] === 'number')) && !isAtPropertyKey) {
        return { kind: 'conditionValue', statement, operator: String(rest[1]), key: String(rest[2]) };
      }
      return { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}
