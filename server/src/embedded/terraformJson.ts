/**
 * Policies in Terraform's JSON syntax (`.tf.json`, `.tofu.json`): the policy arguments of the
 * resources in terraformResources.ts, written as JSON strings (parsed in place with exact
 * offsets), and `data.aws_iam_policy_document` blocks, read as the policy they describe. Like the
 * HCL reader it returns a synthetic root holding each policy under a readable path.
 */
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyContainer, PolicyType } from '../policy/model';
import type { EmbeddedPolicy } from '../policy/policyFile';
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import { decodeJsonString, parseMappedJson } from './stringJson';
import { organizationsPolicyType, TERRAFORM_POLICY_ARGUMENTS } from './terraformResources';

type Span = { offset: number; length: number };

function entries(node: JsonNode | undefined): { key: string; keyNode: JsonNode; value: JsonNode }[] {
  // Terraform JSON allows a list of objects wherever a block object is expected
  const objects = node?.type === 'array' ? (node.children ?? []) : node ? [node] : [];
  return objects.flatMap((o) =>
    o.type === 'object'
      ? (o.children ?? []).flatMap((p) => {
          const [keyNode, value] = p.children ?? [];
          return keyNode && value ? [{ key: String(keyNode.value), keyNode, value }] : [];
        })
      : [],
  );
}

function get(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return entries(node).find((e) => e.key === key)?.value;
}

/** `${...}` is a Terraform template; `$${aws:username}` an escaped policy variable. */
const INTERPOLATION = /(^|[^$])\$\{[^}]*\}/;

export function extractTerraformJson(tree: JsonTree): { tree: JsonTree; policies: EmbeddedPolicy[] } | undefined {
  const top = tree.root;
  if (top?.type !== 'object' || (!get(top, 'resource') && !get(top, 'data'))) {
    return undefined;
  }
  const dynamic = new Map<JsonNode, string>();
  const errors = [...tree.errors];
  const root = { type: 'object', offset: top.offset, length: top.length, children: [] as JsonNode[] } as JsonNode;
  const found: { node: JsonNode; key: string; type?: PolicyType; container: PolicyContainer }[] = [];
  const node = (type: JsonNode['type'], at: Span, parent: JsonNode | undefined, value?: unknown): JsonNode =>
    ({
      type,
      offset: at.offset,
      length: at.length,
      parent,
      value,
      ...(type === 'object' || type === 'array' || type === 'property' ? { children: [] } : {}),
    }) as JsonNode;
  const attach = (parent: JsonNode, key: string, keyAt: Span, value: JsonNode) => {
    const p = node(
      'property',
      { offset: keyAt.offset, length: Math.max(keyAt.length, value.offset + value.length - keyAt.offset) },
      parent,
    );
    p.children!.push(node('string', keyAt, p, key));
    (value as { parent?: JsonNode }).parent = p;
    p.children!.push(value);
    parent.children!.push(p);
    return value;
  };
  const add = (key: string, value: JsonNode, type: PolicyType | undefined, container: PolicyContainer) => {
    attach(root, key, { offset: value.offset, length: 0 }, value);
    found.push({ node: value, key, ...(type ? { type } : {}), container });
  };
  const markInterpolations = (n: JsonNode) => {
    if (n.type === 'string' && typeof n.value === 'string' && INTERPOLATION.test(n.value)) {
      dynamic.set(n, 'Terraform interpolation');
    }
    n.children?.forEach(markInterpolations);
  };
  const policyJson = (value: JsonNode): JsonNode | undefined => {
    if (value.type !== 'string' || !/^\s*\{/.test(String(value.value))) {
      return undefined;
    }
    const mapped = decodeJsonString(tree.text, value.offset, value.length);
    const parsed = mapped && parseMappedJson(mapped);
    if (parsed?.root?.type !== 'object') {
      return undefined;
    }
    errors.push(...parsed.errors.map((e) => ({ ...e, message: `JSON in the string: ${e.message}` })));
    markInterpolations(parsed.root);
    return parsed.root;
  };

  for (const { key: kind, value: byName } of entries(get(top, 'resource'))) {
    for (const { key: name, value: body } of entries(byName)) {
      for (const slot of TERRAFORM_POLICY_ARGUMENTS[kind] ?? []) {
        let type: PolicyType | undefined = slot.type;
        if (kind === 'aws_organizations_policy') {
          const t = get(body, 'type');
          type = organizationsPolicyType(t?.type === 'string' ? String(t.value) : undefined);
          if (!type) {
            continue;
          }
        }
        const container: PolicyContainer = {
          kind: 'terraform',
          description: `${kind} ${name} ${slot.argument}`,
          ...(slot.resourceType ? { resourceType: slot.resourceType } : {}),
          ...(slot.impliedResource ? { impliedResource: true } : {}),
        };
        const [blockName, argument] = slot.argument.includes('.') ? slot.argument.split('.') : [undefined, slot.argument];
        const holders = blockName
          ? entries(body)
              .filter((e) => e.key === blockName)
              .flatMap((e) => (e.value.type === 'array' ? (e.value.children ?? []) : [e.value]))
          : [body];
        holders.forEach((holder, i) => {
          const value = get(holder, argument);
          const policy = value && policyJson(value);
          if (policy) {
            add(`${kind}.${name}.${blockName ? `${blockName}.${i}.` : ''}${argument}`, policy, type, {
              ...container,
              stringEncoding: 'escaped',
            });
          }
        });
      }
    }
  }

  for (const { key: kind, value: byName } of entries(get(top, 'data'))) {
    if (kind !== 'aws_iam_policy_document') {
      continue;
    }
    for (const { key: name, keyNode, value: body } of entries(byName)) {
      const policy = node('object', body, undefined);
      const version = get(body, 'version');
      attach(policy, 'Version', version ?? keyNode, version ?? node('string', keyNode, undefined, '2012-10-17'));
      const statements = entries(body)
        .filter((e) => e.key === 'statement')
        .flatMap((e) => (e.value.type === 'array' ? (e.value.children ?? []) : [e.value]));
      if (statements.length > 0) {
        const first = statements[0];
        const last = statements[statements.length - 1];
        const list = attach(
          policy,
          'Statement',
          first,
          node('array', { offset: first.offset, length: last.offset + last.length - first.offset }, undefined),
        );
        for (const s of statements) {
          const statement = node('object', s, list);
          list.children!.push(statement);
          const names: [string, string][] = [
            ['sid', 'Sid'],
            ['effect', 'Effect'],
            ['actions', 'Action'],
            ['not_actions', 'NotAction'],
            ['resources', 'Resource'],
            ['not_resources', 'NotResource'],
          ];
          if (!get(s, 'effect')) {
            attach(
              statement,
              'Effect',
              { offset: s.offset, length: 1 },
              node('string', { offset: s.offset, length: 1 }, undefined, 'Allow'),
            );
          }
          for (const { key, keyNode: k, value } of entries(s)) {
            const iam = names.find(([hcl]) => hcl === key)?.[1];
            if (iam) {
              markInterpolations(value);
              attach(statement, iam, k, value);
            }
          }
          for (const [blockName, iam] of [
            ['principals', 'Principal'],
            ['not_principals', 'NotPrincipal'],
          ] as const) {
            const blocks = entries(s).filter((e) => e.key === blockName);
            const items = blocks.flatMap((e) => (e.value.type === 'array' ? (e.value.children ?? []) : [e.value]));
            if (items.length === 0) {
              continue;
            }
            const everyone = items.find((pb) => get(pb, 'type')?.value === '*');
            const everyoneIds = everyone && get(everyone, 'identifiers');
            if (everyoneIds) {
              const star = everyoneIds.type === 'array' ? everyoneIds.children?.[0] : everyoneIds;
              if (star) {
                attach(statement, iam, blocks[0].keyNode, star);
              }
              continue;
            }
            const principal = attach(statement, iam, blocks[0].keyNode, node('object', blocks[0].value, undefined));
            for (const pb of items) {
              const t = get(pb, 'type');
              const ids = get(pb, 'identifiers');
              if (t && ids) {
                markInterpolations(ids);
                attach(principal, String(t.value), t, ids);
              }
            }
          }
          const conditions = entries(s).filter((e) => e.key === 'condition');
          const items = conditions.flatMap((e) => (e.value.type === 'array' ? (e.value.children ?? []) : [e.value]));
          if (items.length > 0) {
            const condition = attach(statement, 'Condition', conditions[0].keyNode, node('object', conditions[0].value, undefined));
            const byOperator = new Map<string, JsonNode>();
            for (const cb of items) {
              const test = get(cb, 'test');
              const variable = get(cb, 'variable');
              const values = get(cb, 'values');
              if (!test || !variable || !values) {
                continue;
              }
              const operator = String(test.value);
              let clause = byOperator.get(operator);
              if (!clause) {
                clause = attach(condition, operator, test, node('object', cb, undefined));
                byOperator.set(operator, clause);
              }
              markInterpolations(values);
              attach(clause, String(variable.value), variable, values);
            }
          }
        }
      }
      add(`data.${kind}.${name}`, policy, undefined, { kind: 'terraform', description: `data.aws_iam_policy_document.${name}` });
    }
  }
  if (found.length === 0) {
    return undefined;
  }
  const jsonTree: JsonTree = { text: tree.text, root, errors, comments: [], trailingCommas: [], hasBom: tree.hasBom };
  const dynamicValue = (n: JsonNode) => dynamic.get(n);
  const policies = found.map(({ node: n, key, type, container }) => ({
    policy: parsePolicy(jsonTree, {
      root: n,
      basePath: [key],
      ...(type ? { policyType: { type, source: 'container' as const } } : {}),
      container,
      dynamicValue,
    }),
    basePath: [key],
    offset: n.offset,
    length: n.length,
  }));
  return { tree: jsonTree, policies };
}
