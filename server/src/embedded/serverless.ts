/**
 * Policies in Serverless Framework files (serverless.yml): the statement lists of
 * `provider.iam.role.statements`, the legacy `provider.iamRoleStatements` and the function-level
 * `iamRoleStatements` (serverless-iam-roles-per-function). Each list is read as an identity policy
 * whose Statement is the list itself, under a synthetic root like the Terraform reader's.
 * Managed policies attached by `provider.iam.role.managedPolicies` are read as references.
 * `${self:...}`, `${opt:...}`, `${env:...}` and the other Serverless variables are computed values.
 */
import { parsePolicy } from '../policy/parsePolicy';
import type { EmbeddedPolicy, ManagedPolicyReference } from '../policy/policyFile';
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import { cloudFormationDynamicValue, managedPolicyLiteral } from './cloudformation';
import type { YamlJsonTree } from './yamlTree';

/** Serverless variables (`${aws:accountId}` and `${aws:region}` are Serverless's; other `${aws:...}` are policy variables). */
const SERVERLESS_VARIABLE = /\$\{(self|opt|env|sls|file|ssm|cf|s3|param|strToBool|aws:accountId|aws:region)\b/;

function get(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

function keyOf(value: JsonNode): JsonNode | undefined {
  return value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
}

/** A serverless.yml: a root with `service` and `provider`. */
export function isServerlessFile(root: JsonNode | undefined): boolean {
  return !!get(root, 'service') && !!get(root, 'provider');
}

export function extractServerless(
  tree: YamlJsonTree,
): { tree: JsonTree; policies: EmbeddedPolicy[]; managedPolicies?: ManagedPolicyReference[] } | undefined {
  const top = tree.root;
  if (!isServerlessFile(top)) {
    return undefined;
  }
  const lists: { key: string; list: JsonNode }[] = [];
  const provider = get(top, 'provider');
  const statements = get(get(get(provider, 'iam'), 'role'), 'statements');
  if (statements?.type === 'array') {
    lists.push({ key: 'provider.iam.role.statements', list: statements });
  }
  const legacy = get(provider, 'iamRoleStatements');
  if (legacy?.type === 'array') {
    lists.push({ key: 'provider.iamRoleStatements', list: legacy });
  }
  for (const fn of get(top, 'functions')?.children ?? []) {
    const name = String(fn.children?.[0]?.value ?? '');
    const own = get(fn.children?.[1], 'iamRoleStatements');
    if (own?.type === 'array') {
      lists.push({ key: `functions.${name}.iamRoleStatements`, list: own });
    }
  }
  // provider.iam.role.managedPolicies: ARNs (strings, Fn::Join, Fn::Sub)
  const managedPolicies: ManagedPolicyReference[] = [];
  const managedList = get(get(get(provider, 'iam'), 'role'), 'managedPolicies');
  for (const item of managedList?.type === 'array' ? (managedList.children ?? []) : []) {
    const ref = managedPolicyLiteral(item, tree.text, tree.tagged, 'serverless provider.iam.role.managedPolicies');
    if (ref) {
      managedPolicies.push(ref);
    }
  }
  if (lists.length === 0 && managedPolicies.length === 0) {
    return undefined;
  }
  const root = { type: 'object', offset: top!.offset, length: top!.length, children: [] as JsonNode[] } as JsonNode;
  const found: { node: JsonNode; key: string }[] = [];
  for (const { key, list } of lists) {
    const listKey = keyOf(list) ?? list;
    const policy = { type: 'object', offset: list.offset, length: list.length, children: [] as JsonNode[] } as JsonNode;
    const holder = { type: 'property', offset: list.offset, length: list.length, parent: root, children: [] as JsonNode[] } as JsonNode;
    holder.children!.push({ type: 'string', offset: list.offset, length: 0, parent: holder, value: key } as JsonNode, policy);
    (policy as { parent?: JsonNode }).parent = holder;
    root.children!.push(holder);
    // Serverless writes no Version: the role's policy is 2012-10-17
    const version = {
      type: 'property',
      offset: listKey.offset,
      length: listKey.length,
      parent: policy,
      children: [] as JsonNode[],
    } as JsonNode;
    version.children!.push({
      type: 'string',
      offset: listKey.offset,
      length: listKey.length,
      parent: version,
      value: 'Version',
    } as JsonNode);
    version.children!.push({
      type: 'string',
      offset: listKey.offset,
      length: listKey.length,
      parent: version,
      value: '2012-10-17',
    } as JsonNode);
    const statement = {
      type: 'property',
      offset: listKey.offset,
      length: list.offset + list.length - listKey.offset,
      parent: policy,
      children: [] as JsonNode[],
    } as JsonNode;
    statement.children!.push({
      type: 'string',
      offset: listKey.offset,
      length: listKey.length,
      parent: statement,
      value: 'Statement',
    } as JsonNode);
    statement.children!.push(list);
    (list as { parent?: JsonNode }).parent = statement;
    policy.children!.push(version, statement);
    found.push({ node: policy, key });
  }
  const intrinsic = cloudFormationDynamicValue(tree.tagged);
  const dynamicValue = (n: JsonNode) =>
    intrinsic(n) ??
    (n.type === 'string' && typeof n.value === 'string' && SERVERLESS_VARIABLE.test(n.value) ? 'Serverless variable' : undefined);
  const jsonTree: JsonTree = { text: tree.text, root, errors: tree.errors, comments: [], trailingCommas: [], hasBom: tree.hasBom };
  const policies = found.map(({ node, key }) => ({
    policy: parsePolicy(jsonTree, {
      root: node,
      basePath: [key],
      policyType: { type: 'identity', source: 'container' },
      container: { kind: 'cloudformation', description: `serverless ${key}` },
      dynamicValue,
    }),
    basePath: [key],
    offset: node.offset,
    length: node.length,
  }));
  return { tree: jsonTree, policies, ...(managedPolicies.length > 0 ? { managedPolicies } : {}) };
}
