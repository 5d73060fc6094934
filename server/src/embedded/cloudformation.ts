/**
 * Policies inside CloudFormation and SAM templates (JSON or YAML): where each resource type
 * keeps its policies, what type of policy each is, and which values CloudFormation computes
 * (`Ref`, `Fn::Sub`, `!GetAtt`, ...) so they are taken as values, not errors.
 */
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyType } from '../policy/model';
import type { EmbeddedPolicy, ManagedPolicyReference } from '../policy/policyFile';
import type { JsonPath } from '../syntax/jsonPath';
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import {
  decodeJsonString,
  decodeYamlScalar,
  isVerbatim,
  MappedTextBuilder,
  parseMappedJson,
  type MappedText,
  type YamlScalarStyle,
} from './stringJson';

interface Slot {
  /** property path under Properties; `*` walks every element of a list */
  path: (string | '*')[];
  type: PolicyType;
  /** ValidatePolicy's validatePolicyResourceType for this kind of resource policy */
  resourceType?: string;
  /** the holder is the resource (an ECR repository policy): statements need no Resource */
  impliedResource?: boolean;
}

const at = (path: string, type: PolicyType, extra: Omit<Slot, 'path' | 'type'> = {}): Slot => ({ path: path.split('.'), type, ...extra });

/** Where resource types keep policy documents (an object, or JSON written as a string). */
export const CLOUDFORMATION_SLOTS: Record<string, Slot[]> = {
  'AWS::IAM::Policy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::ManagedPolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::RolePolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::UserPolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::GroupPolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::Role': [
    at('AssumeRolePolicyDocument', 'trust', { resourceType: 'AWS::IAM::AssumeRolePolicyDocument' }),
    at('Policies.*.PolicyDocument', 'identity'),
  ],
  'AWS::IAM::User': [at('Policies.*.PolicyDocument', 'identity')],
  'AWS::IAM::Group': [at('Policies.*.PolicyDocument', 'identity')],
  'AWS::SSO::PermissionSet': [at('InlinePolicy', 'identity')],
  'AWS::Organizations::Policy': [at('Content', 'scp')],
  'AWS::Organizations::ResourcePolicy': [at('Content', 'resource')],
  'AWS::S3::BucketPolicy': [at('PolicyDocument', 'resource', { resourceType: 'AWS::S3::Bucket' })],
  'AWS::S3::AccessPointPolicy': [at('PolicyDocument', 'resource', { resourceType: 'AWS::S3::AccessPoint' })],
  'AWS::S3::AccessPoint': [at('Policy', 'resource', { resourceType: 'AWS::S3::AccessPoint' })],
  'AWS::S3::MultiRegionAccessPointPolicy': [at('Policy', 'resource', { resourceType: 'AWS::S3::MultiRegionAccessPoint' })],
  'AWS::S3ObjectLambda::AccessPointPolicy': [at('PolicyDocument', 'resource', { resourceType: 'AWS::S3ObjectLambda::AccessPoint' })],
  'AWS::S3Express::BucketPolicy': [at('PolicyDocument', 'resource')],
  'AWS::S3Outposts::BucketPolicy': [at('PolicyDocument', 'resource')],
  'AWS::S3Tables::TableBucketPolicy': [at('ResourcePolicy', 'resource')],
  'AWS::SQS::QueuePolicy': [at('PolicyDocument', 'resource')],
  'AWS::SNS::TopicPolicy': [at('PolicyDocument', 'resource')],
  'AWS::SNS::TopicInlinePolicy': [at('PolicyDocument', 'resource')],
  'AWS::KMS::Key': [at('KeyPolicy', 'resource')],
  'AWS::KMS::ReplicaKey': [at('KeyPolicy', 'resource')],
  'AWS::SecretsManager::ResourcePolicy': [at('ResourcePolicy', 'resource')],
  'AWS::ECR::Repository': [at('RepositoryPolicyText', 'resource', { impliedResource: true })],
  'AWS::ECR::PublicRepository': [at('RepositoryPolicyText', 'resource', { impliedResource: true })],
  'AWS::ECR::RegistryPolicy': [at('PolicyText', 'resource')],
  'AWS::CodeArtifact::Domain': [at('PermissionsPolicyDocument', 'resource')],
  'AWS::CodeArtifact::Repository': [at('PermissionsPolicyDocument', 'resource')],
  'AWS::DynamoDB::Table': [at('ResourcePolicy.PolicyDocument', 'resource', { resourceType: 'AWS::DynamoDB::Table' })],
  'AWS::DynamoDB::GlobalTable': [at('Replicas.*.ResourcePolicy.PolicyDocument', 'resource', { resourceType: 'AWS::DynamoDB::Table' })],
  'AWS::Kinesis::ResourcePolicy': [at('ResourcePolicy', 'resource')],
  'AWS::MSK::ClusterPolicy': [at('Policy', 'resource')],
  'AWS::OpenSearchService::Domain': [at('AccessPolicies', 'resource')],
  'AWS::Elasticsearch::Domain': [at('AccessPolicies', 'resource')],
  'AWS::Glue::ResourcePolicy': [at('PolicyInJson', 'resource')],
  'AWS::Backup::BackupVault': [at('AccessPolicy', 'resource')],
  'AWS::EFS::FileSystem': [at('FileSystemPolicy', 'resource')],
  'AWS::MediaStore::Container': [at('Policy', 'resource')],
  'AWS::SageMaker::ModelPackageGroup': [at('ModelPackageGroupPolicy', 'resource')],
  'AWS::EventSchemas::RegistryPolicy': [at('Policy', 'resource')],
  'AWS::EC2::VPCEndpoint': [at('PolicyDocument', 'resource')],
  'AWS::ApiGateway::RestApi': [at('Policy', 'resource')],
  'AWS::VpcLattice::AuthPolicy': [at('Policy', 'resource')],
  'AWS::VpcLattice::ResourcePolicy': [at('Policy', 'resource')],
  'AWS::Events::EventBusPolicy': [at('Statement', 'resource')],
  'AWS::Events::EventBus': [at('Policy', 'resource')],
  'AWS::Logs::ResourcePolicy': [at('PolicyDocument', 'resource')],
  'AWS::Logs::Destination': [at('DestinationPolicy', 'resource')],
  'AWS::CloudTrail::ResourcePolicy': [at('ResourcePolicy', 'resource')],
  'AWS::XRay::ResourcePolicy': [at('PolicyDocument', 'resource')],
  'AWS::Oam::Sink': [at('Policy', 'resource')],
  'AWS::Serverless::Function': [at('Policies.*', 'identity'), at('Policies', 'identity')],
  'AWS::Serverless::StateMachine': [at('Policies.*', 'identity')],
};

export const CFN_INTRINSICS = [
  'Ref',
  'Condition',
  'Fn::Sub',
  'Fn::GetAtt',
  'Fn::Join',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::ImportValue',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::Cidr',
  'Fn::Transform',
  'Fn::ToJsonString',
  'Fn::Length',
];

function property(node: JsonNode | undefined, key: string): { property: JsonNode; value: JsonNode } | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  const p = node.children?.find((c) => c.children?.[0]?.value === key);
  return p?.children?.[1] ? { property: p, value: p.children[1] } : undefined;
}

/** A CloudFormation template: a root object with Resources whose entries have AWS:: types. */
export function isCloudFormationTemplate(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') {
    return false;
  }
  if (property(root, 'AWSTemplateFormatVersion')) {
    return true;
  }
  const resources = property(root, 'Resources')?.value;
  return !!resources?.children?.some((r) => /^(AWS|Custom)::/.test(String(property(r.children?.[1], 'Type')?.value.value ?? '')));
}

/** Computed values: `{"Ref": ...}`, `{"Fn::Sub": ...}` and YAML short forms (`!Sub`), by intrinsic name. */
export function cloudFormationDynamicValue(tagged: Map<JsonNode, string> | undefined): (node: JsonNode) => string | undefined {
  return (node) => {
    const tag = tagged?.get(node);
    if (tag) {
      return tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
    }
    if (node.type === 'object' && node.children?.length === 1) {
      const key = String(node.children[0].children?.[0]?.value ?? '');
      if (CFN_INTRINSICS.includes(key)) {
        return key;
      }
    }
    return undefined;
  };
}

type TemplateTree = JsonTree & { tagged?: Map<JsonNode, string>; styles?: Map<JsonNode, YamlScalarStyle> };

/** An intrinsic function call, long form (`{"Fn::If": [...]}`) or YAML short form (`!If [...]`). */
function intrinsic(
  node: JsonNode | undefined,
  tagged: Map<JsonNode, string>,
): { name: string; args: JsonNode; argsPath: JsonPath } | undefined {
  if (!node) {
    return undefined;
  }
  const tag = tagged.get(node);
  if (tag) {
    return { name: tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`, args: node, argsPath: [] };
  }
  if (node.type === 'object' && node.children?.length === 1) {
    const key = String(node.children[0].children?.[0]?.value ?? '');
    const args = node.children[0].children?.[1];
    if (CFN_INTRINSICS.includes(key) && args) {
      return { name: key, args, argsPath: [key] };
    }
  }
  return undefined;
}

/** `{"Ref": "AWS::NoValue"}` / `!Ref AWS::NoValue`: the branch that removes the value. */
function isNoValue(node: JsonNode, tagged: Map<JsonNode, string>): boolean {
  const call = intrinsic(node, tagged);
  return call?.name === 'Ref' && call.args.value === 'AWS::NoValue';
}

/** The branches of `Fn::If [condition, whenTrue, whenFalse]`, with their paths from the If node. */
export function ifBranches(node: JsonNode, tagged: Map<JsonNode, string>): { node: JsonNode; path: JsonPath }[] | undefined {
  const call = intrinsic(node, tagged);
  if (call?.name !== 'Fn::If' || call.args.type !== 'array' || (call.args.children?.length ?? 0) !== 3) {
    return undefined;
  }
  return [1, 2].map((i) => ({ node: call.args.children![i], path: [...call.argsPath, i] })).filter((b) => !isNoValue(b.node, tagged));
}

/** `${Name}`, `${AWS::AccountId}`, `${Res.Attr}` are CloudFormation's; `${aws:username}` is a policy variable. */
const SUB_VARIABLE = /\$\{(?!!)(AWS::[A-Za-z]+|[A-Za-z0-9_]+(\.[A-Za-z0-9_.]+)?)\}/;

/** Drops the `!` of `${!Literal}` (Fn::Sub's escape), keeping each character's host offset. */
function unescapeSub(m: MappedText): MappedText {
  const b = new MappedTextBuilder();
  for (let i = 0; i < m.text.length; i++) {
    if (m.text[i] === '!' && m.text[i - 1] === '{' && m.text[i - 2] === '$') {
      continue;
    }
    b.synthetic(m.text[i], m.offsets[i], m.ends[i]);
  }
  return b.build(m.offsets[m.text.length]);
}

/**
 * JSON a template writes as a string: a plain or block scalar, `Fn::Sub` of one, or `Fn::Join` of
 * literal parts (a computed part stands as `${...}` inside a JSON string). Undefined when the
 * value is not a string that holds a JSON object.
 */
function jsonInString(
  node: JsonNode,
  tree: TemplateTree,
  tagged: Map<JsonNode, string>,
): { mapped: MappedText; computed: boolean } | undefined {
  const decode = (n: JsonNode | undefined): MappedText | undefined => {
    if (n?.type !== 'string' || typeof n.value !== 'string') {
      return undefined;
    }
    return tree.styles
      ? decodeYamlScalar(tree.text, n.offset, n.length, tree.styles.get(n), n.value)
      : decodeJsonString(tree.text, n.offset, n.length);
  };
  const call = intrinsic(node, tagged);
  let mapped: MappedText | undefined;
  let computed = false;
  if (!call) {
    mapped = decode(node);
  } else if (call.name === 'Fn::Sub') {
    const template = call.args.type === 'array' ? call.args.children?.[0] : call.args;
    const m = decode(template);
    mapped = m && unescapeSub(m);
  } else if (call.name === 'Fn::Join' && call.args.type === 'array') {
    const [delimiter, list] = call.args.children ?? [];
    if (delimiter?.type !== 'string' || list?.type !== 'array') {
      return undefined;
    }
    const b = new MappedTextBuilder();
    for (const [i, part] of (list.children ?? []).entries()) {
      if (i > 0) {
        b.synthetic(String(delimiter.value), part.offset);
      }
      const m = part.type === 'string' && !tagged.has(part) ? decode(part) : undefined;
      if (m) {
        m.text.split('').forEach((c, k) => b.synthetic(c, m.offsets[k], m.ends[k]));
      } else {
        b.synthetic('${Join}', part.offset, part.offset + part.length);
        computed = true;
      }
    }
    mapped = b.build(list.offset + list.length);
  }
  if (!mapped || !/^\s*\{/.test(mapped.text)) {
    return undefined;
  }
  return { mapped, computed };
}

/** Replaces a string node of the tree by the JSON object written in it; returns that object. */
function spliceJson(node: JsonNode, tree: TemplateTree, tagged: Map<JsonNode, string>): { root: JsonNode; verbatim: boolean } | undefined {
  const found = jsonInString(node, tree, tagged);
  if (!found) {
    return undefined;
  }
  const parsed = parseMappedJson(found.mapped);
  if (parsed.root?.type !== 'object' || (found.computed && parsed.errors.length > 0)) {
    return undefined;
  }
  const parent = node.parent;
  const siblings = parent?.children;
  const index = siblings?.indexOf(node) ?? -1;
  if (!parent || !siblings || index < 0) {
    return undefined;
  }
  const mark = (n: JsonNode) => {
    if (n.type === 'string' && typeof n.value === 'string' && SUB_VARIABLE.test(n.value)) {
      tagged.set(n, found.computed ? 'Join' : 'Sub');
    }
    n.children?.forEach(mark);
  };
  mark(parsed.root);
  (parsed.root as { parent?: JsonNode }).parent = parent;
  siblings[index] = parsed.root;
  tree.errors.push(...parsed.errors.map((e) => ({ ...e, message: `JSON in the string: ${e.message}` })));
  return { root: parsed.root, verbatim: !found.computed && isVerbatim(found.mapped) };
}

/** The policies of a template, each with its path, type and what holds it. */
export function extractCloudFormation(tree: TemplateTree): EmbeddedPolicy[] {
  const root = tree.root;
  if (!isCloudFormationTemplate(root)) {
    return [];
  }
  const tagged = tree.tagged ?? new Map<JsonNode, string>();
  const dynamicValue = cloudFormationDynamicValue(tagged);
  const out: EmbeddedPolicy[] = [];
  const resources = property(root, 'Resources')?.value;
  for (const resource of resources?.children ?? []) {
    const logicalId = String(resource.children?.[0]?.value ?? '');
    const body = resource.children?.[1];
    const type = String(property(body, 'Type')?.value.value ?? '');
    const properties = property(body, 'Properties')?.value;
    for (const slot of CLOUDFORMATION_SLOTS[type] ?? []) {
      let policyType: PolicyType = slot.type;
      if (type === 'AWS::Organizations::Policy') {
        const t = property(properties, 'Type')?.value.value;
        if (typeof t === 'string' && /^[A-Z_]+$/.test(t) && t !== 'SERVICE_CONTROL_POLICY' && t !== 'RESOURCE_CONTROL_POLICY') {
          continue; // tag, backup and AI opt-out policies are not IAM policies
        }
        policyType = t === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : 'scp';
      }
      const container = {
        kind: 'cloudformation' as const,
        description: `${type} ${logicalId}${slot.path.length ? ` ${slot.path.filter((p) => p !== '*').join('.')}` : ''}`,
        ...(slot.resourceType ? { resourceType: slot.resourceType } : {}),
        ...(slot.impliedResource ? { impliedResource: true } : {}),
      };
      const addPolicy = (node: JsonNode, path: JsonPath, stringEncoding?: 'verbatim' | 'escaped') => {
        // statements chosen by Fn::If: the first candidate reads every plain statement and each
        // If's first branch; the second only the second branches (plain ones are not reported twice)
        const hasIf = property(node, 'Statement')?.value.children?.some((c) => ifBranches(c, tagged)) ?? false;
        const passes = hasIf ? [1, 2] : [0];
        for (const pass of passes) {
          const statementCandidates =
            pass === 0
              ? undefined
              : (child: JsonNode, childPath: JsonPath) => {
                  const branches = ifBranches(child, tagged);
                  if (!branches) {
                    return pass === 1 ? undefined : [];
                  }
                  const [first, second] = [1, 2].map((k) => branches.find((b) => b.path[b.path.length - 1] === k));
                  const chosen = pass === 1 ? first : second;
                  return chosen ? [{ node: chosen.node, path: [...childPath, ...chosen.path] }] : [];
                };
          const policy = parsePolicy(tree, {
            root: node,
            basePath: path,
            policyType: { type: policyType, source: 'container' },
            container: stringEncoding ? { ...container, stringEncoding } : container,
            dynamicValue,
            ...(statementCandidates ? { statementCandidates } : {}),
          });
          if (pass === 2 && policy.statements.length === 0) {
            continue;
          }
          out.push({ policy, basePath: path, offset: node.offset, length: node.length });
        }
      };
      const visit = (node: JsonNode | undefined, rest: (string | '*')[], path: JsonPath) => {
        if (!node) {
          return;
        }
        if (rest.length === 0) {
          // a whole document chosen by Fn::If: each branch is a candidate
          const branches = ifBranches(node, tagged);
          if (branches) {
            branches.forEach((b) => visit(b.node, [], [...path, ...b.path]));
            return;
          }
          // JSON written as a string (block scalar, Fn::Sub, Fn::Join of literals)
          const spliced = node.type === 'object' && !dynamicValue(node) ? undefined : spliceJson(node, tree, tagged);
          const object = spliced ? spliced.root : node.type === 'object' && !dynamicValue(node) ? node : undefined;
          // a policy document is an object with Statement (SAM lists also hold managed policy names and templates)
          // an empty trust policy (`AssumeRolePolicyDocument: {}`) is a policy too: missing-statement reports it
          const emptyTrust = slot.type === 'trust' && object?.type === 'object' && !object.children?.length;
          if (object && (property(object, 'Statement') || emptyTrust)) {
            addPolicy(object, path, spliced ? (spliced.verbatim ? 'verbatim' : 'escaped') : undefined);
          }
          return;
        }
        const [head, ...tail] = rest;
        if (head === '*') {
          node.children?.forEach((child, i) => visit(child, tail, [...path, i]));
        } else {
          visit(property(node, head)?.value, tail, [...path, head]);
        }
      };
      visit(properties, slot.path, ['Resources', logicalId, 'Properties']);
    }
  }
  return out;
}

/** Host span of a string scalar's characters, without its quotes. */
export function contentSpan(text: string, node: JsonNode): { offset: number; length: number } {
  const first = text[node.offset];
  if ((first === '"' || first === "'") && node.length >= 2 && text[node.offset + node.length - 1] === first) {
    return { offset: node.offset + 1, length: node.length - 2 };
  }
  return { offset: node.offset, length: node.length };
}

/**
 * A managed policy written as a literal string, `Fn::Sub` of one (`arn:${AWS::Partition}:...`), or
 * `Fn::Join` whose last part is a literal (other parts read as `${...}`); undefined for anything computed.
 */
export function managedPolicyLiteral(
  node: JsonNode | undefined,
  text: string,
  tagged: Map<JsonNode, string>,
  description: string,
): ManagedPolicyReference | undefined {
  if (!node) {
    return undefined;
  }
  const call = intrinsic(node, tagged);
  const literal = (n: JsonNode | undefined) =>
    n?.type === 'string' && typeof n.value === 'string' && !tagged.has(n) ? n.value : undefined;
  if (!call) {
    const value = literal(node);
    return value === undefined ? undefined : { value, ...contentSpan(text, node), description };
  }
  if (call.name === 'Fn::Sub') {
    const template = call.args.type === 'array' ? call.args.children?.[0] : call.args;
    const value = template?.type === 'string' && typeof template.value === 'string' ? template.value : undefined;
    return value === undefined || !template ? undefined : { value, ...contentSpan(text, template), description };
  }
  if (call.name === 'Fn::Join' && call.args.type === 'array') {
    const [delimiter, list] = call.args.children ?? [];
    const parts = list?.type === 'array' ? (list.children ?? []) : [];
    const last = parts[parts.length - 1];
    if (typeof delimiter?.value !== 'string' || literal(last) === undefined || !last) {
      return undefined;
    }
    const value = parts.map((p) => literal(p) ?? '${Join}').join(delimiter.value);
    return { value, ...contentSpan(text, last), description };
  }
  return undefined;
}

/** Where templates attach managed policies by ARN or name: the property, per resource type. */
export const CLOUDFORMATION_MANAGED_POLICY_SLOTS: Record<string, string> = {
  'AWS::IAM::Role': 'ManagedPolicyArns',
  'AWS::IAM::User': 'ManagedPolicyArns',
  'AWS::IAM::Group': 'ManagedPolicyArns',
  'AWS::Serverless::Function': 'Policies',
  'AWS::Serverless::StateMachine': 'Policies',
};

/** Managed policies a template attaches (`ManagedPolicyArns`, SAM `Policies` entries that are strings). */
export function extractCloudFormationManagedPolicies(tree: TemplateTree): ManagedPolicyReference[] {
  const root = tree.root;
  const tagged = tree.tagged ?? new Map<JsonNode, string>();
  const out: ManagedPolicyReference[] = [];
  for (const resource of property(root, 'Resources')?.value.children ?? []) {
    const logicalId = String(resource.children?.[0]?.value ?? '');
    const body = resource.children?.[1];
    const type = String(property(body, 'Type')?.value.value ?? '');
    const slot = CLOUDFORMATION_MANAGED_POLICY_SLOTS[type];
    const value = slot ? property(property(body, 'Properties')?.value, slot)?.value : undefined;
    if (!value) {
      continue;
    }
    const description = `${type} ${logicalId} ${slot}`;
    // SAM takes one policy as a plain string; a list otherwise (its objects are inline documents or SAM templates)
    const items = value.type === 'array' && !tagged.has(value) ? (value.children ?? []) : [value];
    for (const item of items) {
      const branches = ifBranches(item, tagged)?.map((b) => b.node) ?? [item];
      for (const candidate of branches) {
        const ref = managedPolicyLiteral(candidate, tree.text, tagged, description);
        if (ref) {
          out.push(ref);
        }
      }
    }
  }
  return out;
}
