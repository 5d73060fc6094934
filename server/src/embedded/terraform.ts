/**
 * Policies inside Terraform: `jsonencode({...})` and heredoc JSON in the policy arguments of
 * aws_iam_policy, aws_iam_role (assume_role_policy, inline_policy), bucket, queue, topic and
 * key policies, and `data "aws_iam_policy_document"` blocks, turned into the same JSON tree
 * the rest of the server reads, with offsets into the .tf text. Interpolations and references
 * are values computed by Terraform (dynamic), not errors. Parsing is tree-sitter's HCL grammar;
 * this module only walks its syntax tree (the node layer loads the parser).
 */
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyContainer, PolicyType } from '../policy/model';
import type { EmbeddedPolicy, ManagedPolicyReference, PolicyFileReference } from '../policy/policyFile';
import type { JsonPath } from '../syntax/jsonPath';
import { checkBudget } from '../syntax/budget';
import { MAX_DEPTH, parseJson, type JsonNode, type JsonTree } from '../syntax/parseJson';
import { decodeJsonString, parseMappedJson } from './stringJson';
import { organizationsPolicyType, TERRAFORM_POLICY_ARGUMENTS } from './terraformResources';

type Node = SyntaxNode;

function named(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((c): c is Node => !!c);
}

const VALUE_WRAPPERS: ReadonlySet<string> = new Set(['expression', 'literal_value', 'template_expr']);
const EXPRESSION_WRAPPERS: ReadonlySet<string> = new Set(['expression', 'literal_value', 'collection_value']);
const LIST_WRAPPERS: ReadonlySet<string> = new Set(['expression', 'collection_value']);

/** The node inside wrappers of these types that hold exactly one named child (each child list is read once: every read crosses into WebAssembly). */
function unwrap(node: Node, wrappers: ReadonlySet<string>): Node {
  for (;;) {
    if (!wrappers.has(node.type)) {
      return node;
    }
    const children = named(node);
    if (children.length !== 1) {
      return node;
    }
    node = children[0];
  }
}

function stringLiteral(node: Node): string | undefined {
  if (node.type !== 'string_lit') {
    return undefined;
  }
  return named(node)
    .filter((c) => c.type === 'template_literal')
    .map((c) => c.text)
    .join('');
}

function blockLabels(block: Node): string[] {
  return named(block)
    .filter((c) => c.type === 'string_lit')
    .map((c) => stringLiteral(c) ?? '');
}

function blockBody(block: Node): Node | undefined {
  return named(block).find((c) => c.type === 'body');
}

function attributes(body: Node | undefined): Map<string, { name: Node; value: Node }> {
  const out = new Map<string, { name: Node; value: Node }>();
  for (const child of named(body)) {
    if (child.type === 'attribute') {
      const [name, value] = named(child);
      if (name && value) {
        out.set(name.text, { name, value });
      }
    }
  }
  return out;
}

function blocks(body: Node | undefined, type: string): Node[] {
  return named(body).filter((c) => c.type === 'block' && named(c)[0]?.text === type);
}

/** Builds JsonNodes (jsonc-parser's shape) with offsets into the .tf text. */
class TreeBuilder {
  readonly dynamic = new Map<JsonNode, string>();
  /** tuples and objects nested deeper than MAX_DEPTH: kept empty, reported by json-syntax */
  readonly tooDeep: { offset: number; length: number }[] = [];

  node(type: JsonNode['type'], at: { startIndex: number; endIndex: number }, parent: JsonNode | undefined, value?: unknown): JsonNode {
    checkBudget();
    return {
      type,
      offset: at.startIndex,
      length: at.endIndex - at.startIndex,
      parent,
      value,
      ...(type === 'object' || type === 'array' || type === 'property' ? { children: [] } : {}),
    } as JsonNode;
  }

  property(
    object: JsonNode,
    key: string,
    keyAt: { startIndex: number; endIndex: number },
    build: (property: JsonNode) => JsonNode,
  ): JsonNode {
    const property = this.node('property', keyAt, object);
    const keyNode = this.node('string', keyAt, property, key);
    property.children!.push(keyNode);
    const value = build(property);
    property.children!.push(value);
    (property as { length: number }).length = Math.max(property.length, value.offset + value.length - property.offset);
    object.children!.push(property);
    return value;
  }

  /** Past MAX_DEPTH a tuple or object stays empty (nothing recurses into a crafted depth). */
  private limited(out: JsonNode, depth: number): boolean {
    if (depth < MAX_DEPTH) {
      return false;
    }
    this.tooDeep.push({ offset: out.offset, length: out.length });
    return true;
  }

  /** A value Terraform computes (a reference, a function call, a conditional): a string marked dynamic. */
  computed(expr: Node, parent: JsonNode | undefined): JsonNode {
    const out = this.node('string', expr, parent, expr.text);
    this.dynamic.set(out, 'Terraform expression');
    return out;
  }

  /** An HCL expression as a JSON value (what jsonencode would produce). */
  expression(expr: Node, parent: JsonNode | undefined, depth = 0): JsonNode {
    const node = unwrap(expr, EXPRESSION_WRAPPERS);
    switch (node.type) {
      case 'string_lit': {
        const parts = named(node);
        const out = this.node(
          'string',
          node,
          parent,
          parts
            .filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end')
            .map((c) => c.text)
            .join(''),
        );
        if (parts.some((c) => c.type === 'template_interpolation' || c.type === 'template_directive')) {
          this.dynamic.set(out, 'Terraform interpolation');
        }
        return out;
      }
      case 'numeric_lit':
        return this.node('number', node, parent, Number(node.text));
      case 'bool_lit':
        return this.node('boolean', node, parent, node.text === 'true');
      case 'null_lit':
        return this.node('null', node, parent, null);
      case 'tuple': {
        const out = this.node('array', node, parent);
        if (this.limited(out, depth)) {
          return out;
        }
        for (const item of named(node).filter((c) => c.type === 'expression')) {
          out.children!.push(this.expression(item, out, depth + 1));
        }
        return out;
      }
      case 'object': {
        const out = this.node('object', node, parent);
        if (this.limited(out, depth)) {
          return out;
        }
        for (const elem of named(node).filter((c) => c.type === 'object_elem')) {
          const [key, value] = named(elem).filter((c) => c.type === 'expression');
          if (!key || !value) {
            continue;
          }
          const keyJson = this.expression(key, undefined);
          const keyText = typeof keyJson.value === 'string' ? keyJson.value : key.text;
          const property = this.node('property', elem, out);
          property.children!.push({ ...keyJson, value: keyText, parent: property, type: 'string' } as JsonNode);
          property.children!.push(this.expression(value, property, depth + 1));
          out.children!.push(property);
        }
        return out;
      }
      case 'variable_expr':
        // an object key written as a bare identifier (Version = ...); elsewhere a reference
        return named(node).length === 1 && parent === undefined
          ? this.node('string', node, parent, node.text)
          : this.computed(expr, parent);
      default:
        return this.computed(expr, parent);
    }
  }
}

export interface TerraformExtraction {
  tree: JsonTree;
  policies: EmbeddedPolicy[];
  managedPolicies?: ManagedPolicyReference[];
  fileReferences?: PolicyFileReference[];
}

/** Where Terraform's path references point for a root module: the .tf file's directory. */
const PATH_REFERENCES = new Set(['path.module', 'path.root', 'path.cwd']);

/**
 * `file("${path.module}/policy.json")` / `templatefile("trust.json.tpl", {...})`: the call, whether it
 * is a template, and its path relative to the .tf file's directory; undefined when the path is
 * computed from anything but `path.module`, `path.root` or `path.cwd` (a variable: unknown).
 */
function fileCall(expr: Node): { path: string; template: boolean; call: Node } | undefined {
  const node = unwrap(expr, VALUE_WRAPPERS);
  const name = node.type === 'function_call' ? named(node)[0]?.text : undefined;
  if (name !== 'file' && name !== 'templatefile') {
    return undefined;
  }
  const first = named(named(node).find((c) => c.type === 'function_arguments'))[0];
  const argument = first && unwrap(first, VALUE_WRAPPERS);
  if (argument?.type !== 'string_lit' && argument?.type !== 'quoted_template') {
    return undefined;
  }
  let path = '';
  for (const part of named(argument)) {
    if (part.type === 'template_literal') {
      path += part.text;
    } else if (part.type === 'template_interpolation') {
      const inner = named(part)
        .filter((c) => c.type === 'expression')
        .map((c) => c.text.replace(/\s+/g, ''))
        .join('');
      if (!PATH_REFERENCES.has(inner)) {
        return undefined;
      }
      path += '.';
    } else if (part.type !== 'quoted_template_start' && part.type !== 'quoted_template_end') {
      return undefined;
    }
  }
  return path ? { path, template: name === 'templatefile', call: node } : undefined;
}

/** Arguments that attach managed policies by ARN, per resource type (a list when the argument holds several). */
export const TERRAFORM_MANAGED_POLICY_ARGUMENTS: Record<string, { argument: string; list?: boolean }> = {
  aws_iam_role_policy_attachment: { argument: 'policy_arn' },
  aws_iam_user_policy_attachment: { argument: 'policy_arn' },
  aws_iam_group_policy_attachment: { argument: 'policy_arn' },
  aws_iam_policy_attachment: { argument: 'policy_arn' },
  aws_iam_role: { argument: 'managed_policy_arns', list: true },
  aws_iam_role_policy_attachments_exclusive: { argument: 'policy_arns', list: true },
  aws_ssoadmin_managed_policy_attachment: { argument: 'managed_policy_arn' },
};

/** A quoted string as a managed-policy reference: its text (interpolations kept as written) and the span inside the quotes. */
function stringReference(expr: Node, description: string): ManagedPolicyReference | undefined {
  const node = unwrap(expr, VALUE_WRAPPERS);
  // a string with interpolations is a quoted_template
  if (node.type !== 'string_lit' && node.type !== 'quoted_template') {
    return undefined;
  }
  const parts = named(node).filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end');
  if (parts.some((c) => c.type === 'template_directive')) {
    return undefined;
  }
  return {
    value: parts.map((c) => c.text).join(''),
    offset: node.startIndex + 1,
    length: Math.max(0, node.endIndex - node.startIndex - 2),
    description,
  };
}

/** The managed policies a resource attaches (`policy_arn = "arn:aws:iam::aws:policy/..."`, `managed_policy_arns = [...]`). */
function managedPolicyReferences(kind: string, name: string, body: Node | undefined): ManagedPolicyReference[] {
  const slot = TERRAFORM_MANAGED_POLICY_ARGUMENTS[kind];
  const attr = slot && attributes(body).get(slot.argument);
  if (!slot || !attr) {
    return [];
  }
  const description = `${kind} ${name} ${slot.argument}`;
  if (!slot.list) {
    const ref = stringReference(attr.value, description);
    return ref ? [ref] : [];
  }
  const node = unwrap(attr.value, LIST_WRAPPERS);
  if (node.type !== 'tuple') {
    return [];
  }
  return named(node)
    .filter((c) => c.type === 'expression')
    .flatMap((item) => stringReference(item, description) ?? []);
}

/** The JSON of a heredoc, parsed in place: offsets are shifted to the .tf text. */
function heredocJson(expr: Node, builder: TreeBuilder): JsonNode | undefined {
  let node: Node | undefined = expr;
  while (node && (node.type === 'expression' || node.type === 'template_expr')) {
    node = named(node)[0];
  }
  if (node?.type !== 'heredoc_template') {
    return undefined;
  }
  const identifiers = named(node).filter((c) => c.type === 'heredoc_identifier');
  if (identifiers.length < 2) {
    return undefined;
  }
  const source = node.tree.rootNode.text;
  const start = source.indexOf('\n', identifiers[0].endIndex) + 1;
  const end = identifiers[identifiers.length - 1].startIndex;
  if (start <= 0 || end <= start) {
    return undefined;
  }
  const parsed = parseJson(source.slice(start, end));
  const shift = (n: JsonNode, parent: JsonNode | undefined) => {
    checkBudget();
    const m = n as { offset: number; parent?: JsonNode; colonOffset?: number };
    m.offset += start;
    if (m.colonOffset !== undefined) {
      m.colonOffset += start;
    }
    m.parent = parent;
    n.children?.forEach((c) => shift(c, n));
    // "${aws_s3_bucket.b.arn}" is Terraform's; "$${aws:username}" is an escaped policy variable
    if (n.type === 'string' && typeof n.value === 'string' && /(^|[^$])\$\{[^}:]+\}/.test(n.value)) {
      builder.dynamic.set(n, 'Terraform interpolation');
    }
  };
  if (!parsed.root) {
    return undefined;
  }
  shift(parsed.root, undefined);
  return parsed.root;
}

/**
 * A policy written as a quoted HCL string of JSON (`policy = "{\"Version\": …}"`): decoded with the host
 * offset of every character (HCL escapes `\"` `\\` `\n` `\t` `\r` `\uNNNN` are JSON's), parsed, and placed
 * back on the .tf text. `${…}` interpolations are values Terraform computes.
 */
function quotedJson(node: Node, builder: TreeBuilder, escapedNodes: Set<JsonNode>, errors: JsonTree['errors']): JsonNode | undefined {
  const source = node.tree.rootNode.text;
  const inner = source.slice(node.startIndex + 1, node.endIndex - 1);
  if (!/^\s*\{/.test(inner) || !inner.includes('\\"')) {
    return undefined;
  }
  const mapped = decodeJsonString(source, node.startIndex, node.endIndex - node.startIndex);
  if (!mapped) {
    return undefined;
  }
  const tree = parseMappedJson(mapped);
  if (tree.root?.type !== 'object') {
    return undefined;
  }
  const mark = (n: JsonNode, parent: JsonNode | undefined) => {
    (n as { parent?: JsonNode }).parent = parent;
    n.children?.forEach((c) => mark(c, n));
    if (n.type === 'string' && typeof n.value === 'string' && /(^|[^$])\$\{[^}:]+\}/.test(n.value)) {
      builder.dynamic.set(n, 'Terraform interpolation');
    }
  };
  mark(tree.root, undefined);
  errors.push(...tree.errors);
  escapedNodes.add(tree.root);
  return tree.root;
}

/** data "aws_iam_policy_document": the policy its blocks describe, keyed by IAM names, placed on the HCL. */
function policyDocumentBlock(block: Node, builder: TreeBuilder): JsonNode {
  const body = blockBody(block);
  const root = builder.node('object', block, undefined);
  const attrs = attributes(body);
  const keyword = named(block)[0];
  const version = attrs.get('version');
  if (version) {
    builder.property(root, 'Version', version.name, (p) => builder.expression(version.value, p));
  } else {
    builder.property(root, 'Version', keyword, (p) => builder.node('string', keyword, p, '2012-10-17'));
  }
  const statements = blocks(body, 'statement');
  if (statements.length > 0) {
    const first = statements[0];
    const last = statements[statements.length - 1];
    const list = builder.property(root, 'Statement', named(first)[0], (p) =>
      builder.node('array', { startIndex: first.startIndex, endIndex: last.endIndex }, p),
    );
    for (const statement of statements) {
      const s = builder.node('object', statement, list);
      list.children!.push(s);
      const sBody = blockBody(statement);
      const a = attributes(sBody);
      const names: [string, string][] = [
        ['sid', 'Sid'],
        ['effect', 'Effect'],
        ['actions', 'Action'],
        ['not_actions', 'NotAction'],
        ['resources', 'Resource'],
        ['not_resources', 'NotResource'],
      ];
      if (!a.has('effect')) {
        const at = named(statement)[0];
        builder.property(s, 'Effect', at, (p) => builder.node('string', at, p, 'Allow'));
      }
      for (const [hcl, iam] of names) {
        const attr = a.get(hcl);
        if (attr) {
          builder.property(s, iam, attr.name, (p) => builder.expression(attr.value, p));
        }
      }
      for (const [blockName, iam] of [
        ['principals', 'Principal'],
        ['not_principals', 'NotPrincipal'],
      ] as const) {
        const principalBlocks = blocks(sBody, blockName);
        const everyone = principalBlocks.find((pb) => /^"\*"$/.test(attributes(blockBody(pb)).get('type')?.value.text ?? ''));
        const everyoneIds = everyone && attributes(blockBody(everyone)).get('identifiers');
        if (everyone && everyoneIds) {
          // type = "*", identifiers = ["*"] is Terraform's way of writing "Principal": "*"
          builder.property(s, iam, named(everyone)[0], (p) => {
            const ids = builder.expression(everyoneIds.value, p);
            const first = ids.type === 'array' ? ids.children?.[0] : ids;
            return first ? ({ ...first, parent: p } as JsonNode) : ids;
          });
        } else if (principalBlocks.length > 0) {
          const at = principalBlocks[0];
          const principal = builder.property(s, iam, named(at)[0], (p) =>
            builder.node('object', { startIndex: at.startIndex, endIndex: principalBlocks[principalBlocks.length - 1].endIndex }, p),
          );
          for (const pb of principalBlocks) {
            const pa = attributes(blockBody(pb));
            const type = pa.get('type');
            const identifiers = pa.get('identifiers');
            if (type && identifiers) {
              const typeName = stringLiteral(named(named(type.value)[0])[0] ?? type.value) ?? type.value.text;
              builder.property(principal, typeName, type.value, (p) => builder.expression(identifiers.value, p));
            }
          }
        }
      }
      const conditions = blocks(sBody, 'condition');
      if (conditions.length > 0) {
        const at = conditions[0];
        const condition = builder.property(s, 'Condition', named(at)[0], (p) =>
          builder.node('object', { startIndex: at.startIndex, endIndex: conditions[conditions.length - 1].endIndex }, p),
        );
        const byOperator = new Map<string, JsonNode>();
        for (const cb of conditions) {
          const ca = attributes(blockBody(cb));
          const test = ca.get('test');
          const variable = ca.get('variable');
          const values = ca.get('values');
          if (!test || !variable || !values) {
            continue;
          }
          const operator = String(builder.expression(test.value, undefined).value);
          let clause = byOperator.get(operator);
          if (!clause) {
            clause = builder.property(condition, operator, test.value, (p) => builder.node('object', cb, p));
            byOperator.set(operator, clause);
          }
          const key = String(builder.expression(variable.value, undefined).value);
          builder.property(clause, key, variable.value, (p) => builder.expression(values.value, p));
        }
      }
    }
  }
  return root;
}

/**
 * Every policy of a Terraform file. `errorTree`: the parse whose syntax errors are reported, when
 * `tree` is a second parse of the text with a half-typed word blanked (see embedded/index.ts).
 */
export function extractTerraform(tree: Tree, text: string, errorTree: Tree = tree): TerraformExtraction {
  const builder = new TreeBuilder();
  // a synthetic root holding each policy under a readable path, e.g. aws_iam_policy.p.policy
  const root = builder.node('object', tree.rootNode, undefined);
  const found: { node: JsonNode; path: JsonPath; type?: PolicyType; container: PolicyContainer }[] = [];
  // policies written as a quoted JSON string ("{\"Version\": …}"), and the errors of their JSON
  const escapedNodes = new Set<JsonNode>();
  const jsonErrors: JsonTree['errors'] = [];
  const add = (key: string, value: JsonNode, type: PolicyType | undefined, container: PolicyContainer) => {
    if (escapedNodes.has(value)) {
      container = { ...container, stringEncoding: 'escaped' };
    }
    const property = builder.node('property', { startIndex: value.offset, endIndex: value.offset + value.length }, root);
    property.children!.push(builder.node('string', { startIndex: value.offset, endIndex: value.offset }, property, key));
    (value as { parent?: JsonNode }).parent = property;
    property.children!.push(value);
    root.children!.push(property);
    found.push({ node: value, path: [key], ...(type ? { type } : {}), container });
  };
  const policyValue = (expr: Node): JsonNode | undefined => {
    const node = unwrap(expr, VALUE_WRAPPERS);
    if (node.type === 'function_call' && named(node)[0]?.text === 'jsonencode') {
      const argument = named(named(node).find((c) => c.type === 'function_arguments'))[0];
      return argument ? builder.expression(argument, undefined) : undefined;
    }
    if (node.type === 'string_lit' || node.type === 'quoted_template') {
      return quotedJson(node, builder, escapedNodes, jsonErrors);
    }
    return heredocJson(expr, builder);
  };
  const fileReferences: PolicyFileReference[] = [];
  /** a policy argument given as file()/templatefile(): recorded with the argument's type */
  const referenced = (expr: Node, type: PolicyType | undefined, container: PolicyContainer): boolean => {
    const found = fileCall(expr);
    if (found) {
      fileReferences.push({
        path: found.path,
        template: found.template,
        offset: found.call.startIndex,
        length: found.call.endIndex - found.call.startIndex,
        ...(type ? { type } : {}),
        container,
      });
    }
    return !!found;
  };
  const visitResource = (kind: string, name: string, body: Node | undefined, prefix: string) => {
    const attrs = attributes(body);
    for (const slot of TERRAFORM_POLICY_ARGUMENTS[kind] ?? []) {
      let type: PolicyType | undefined = slot.type;
      if (kind === 'aws_organizations_policy') {
        type = organizationsPolicyType(attrs.get('type')?.value.text);
        if (!type) {
          continue;
        }
      }
      const container = {
        kind: 'terraform' as const,
        description: `${kind} ${name} ${slot.argument}`,
        ...(slot.resourceType ? { resourceType: slot.resourceType } : {}),
        ...(slot.impliedResource ? { impliedResource: true } : {}),
      };
      const [blockName, argument] = slot.argument.includes('.') ? slot.argument.split('.') : [undefined, slot.argument];
      if (blockName) {
        // an argument of a nested block, e.g. aws_iam_role inline_policy { policy = ... }
        blocks(body, blockName).forEach((nested, i) => {
          const attr = attributes(blockBody(nested)).get(argument);
          if (attr && referenced(attr.value, type, container)) {
            return;
          }
          const value = attr && policyValue(attr.value);
          if (value?.type === 'object') {
            add(`${prefix}.${blockName}.${i}.${argument}`, value, type, container);
          }
        });
        continue;
      }
      const attr = attrs.get(argument);
      if (attr && referenced(attr.value, type, container)) {
        continue;
      }
      const value = attr && policyValue(attr.value);
      if (value?.type === 'object') {
        add(`${prefix}.${argument}`, value, type, container);
      }
    }
  };
  const managedPolicies: ManagedPolicyReference[] = [];
  // the file's body: comments before it are the root's children too
  const body = named(tree.rootNode).find((c) => c.type === 'body');
  for (const block of named(body).filter((c) => c.type === 'block')) {
    const keyword = named(block)[0]?.text;
    const [kind, name] = blockLabels(block);
    if (!kind || !name) {
      continue;
    }
    if (keyword === 'resource') {
      visitResource(kind, name, blockBody(block), `${kind}.${name}`);
      managedPolicies.push(...managedPolicyReferences(kind, name, blockBody(block)));
    } else if (keyword === 'data' && kind === 'aws_iam_policy_document') {
      add(`data.${kind}.${name}`, policyDocumentBlock(block, builder), undefined, {
        kind: 'terraform',
        description: `data.aws_iam_policy_document.${name}`,
        hclBlocks: true,
      });
    }
  }
  const jsonTree: JsonTree = { text, root, errors: [...jsonErrors], comments: [], trailingCommas: [], hasBom: false };
  if (builder.tooDeep.length > 0) {
    jsonTree.tooDeep = builder.tooDeep;
  }
  const dynamicValue = (node: JsonNode) => builder.dynamic.get(node);
  const policies = found.map(({ node, path, type, container }) => ({
    policy: parsePolicy(jsonTree, {
      root: node,
      basePath: path,
      ...(type ? { policyType: { type, source: 'container' as const } } : {}),
      container,
      dynamicValue,
    }),
    basePath: path,
    offset: node.offset,
    length: node.length,
  }));
  if (errorTree.rootNode.hasError) {
    jsonTree.errors.push(...syntaxErrors(errorTree.rootNode));
  }
  return {
    tree: jsonTree,
    policies,
    ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
    ...(fileReferences.length > 0 ? { fileReferences } : {}),
  };
}

function syntaxErrors(root: Node): JsonTree['errors'] {
  const out: JsonTree['errors'] = [];
  // depth-first in document order, with an explicit stack (a crafted depth cannot overflow it)
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < 20) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) {
      out.push({
        offset: n.startIndex,
        length: Math.max(1, n.endIndex - n.startIndex),
        code: 1,
        message: n.isMissing ? `Terraform syntax: missing ${n.type}.` : 'Terraform syntax error.',
      });
      continue;
    }
    const children = n.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      // a subtree without an error (or a missing node: it counts as one) has nothing to report
      if (c?.hasError) {
        stack.push(c);
      }
    }
  }
  return out;
}
