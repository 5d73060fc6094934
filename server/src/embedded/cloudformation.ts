/**
 * Policies inside CloudFormation and SAM templates (JSON or YAML): where each resource type
 * keeps its policies, what type of policy each is, and which values CloudFormation computes
 * (`Ref`, `Fn::Sub`, `!GetAtt`, ...) so they are taken as values, not errors.
 */
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyType } from '../policy/model';
import type { EmbeddedPolicy } from '../policy/policyFile';
import type { JsonPath } from '../syntax/jsonPath';
import type { JsonNode, JsonTree } from '../syntax/parseJson';

interface Slot {
  /** property path under Properties; `*` walks every element of a list */
  path: (string | '*')[];
  type: PolicyType;
}

/** Where resource types keep policy documents. */
const SLOTS: Record<string, Slot[]> = {
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::RolePolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::UserPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::Role': [
    { path: ['AssumeRolePolicyDocument'], type: 'trust' },
    { path: ['Policies', '*', 'PolicyDocument'], type: 'identity' },
  ],
  'AWS::IAM::User': [{ path: ['Policies', '*', 'PolicyDocument'], type: 'identity' }],
  'AWS::IAM::Group': [{ path: ['Policies', '*', 'PolicyDocument'], type: 'identity' }],
  'AWS::S3::BucketPolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::S3::AccessPointPolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::S3::AccessPoint': [{ path: ['Policy'], type: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::SNS::TopicPolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::SNS::TopicInlinePolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::KMS::Key': [{ path: ['KeyPolicy'], type: 'resource' }],
  'AWS::KMS::ReplicaKey': [{ path: ['KeyPolicy'], type: 'resource' }],
  'AWS::SecretsManager::ResourcePolicy': [{ path: ['ResourcePolicy'], type: 'resource' }],
  'AWS::ECR::Repository': [{ path: ['RepositoryPolicyText'], type: 'resource' }],
  'AWS::OpenSearchService::Domain': [{ path: ['AccessPolicies'], type: 'resource' }],
  'AWS::Elasticsearch::Domain': [{ path: ['AccessPolicies'], type: 'resource' }],
  'AWS::Events::EventBusPolicy': [{ path: ['Statement'], type: 'resource' }],
  'AWS::Backup::BackupVault': [{ path: ['AccessPolicy'], type: 'resource' }],
  'AWS::EFS::FileSystem': [{ path: ['FileSystemPolicy'], type: 'resource' }],
  'AWS::ApiGateway::RestApi': [{ path: ['Policy'], type: 'resource' }],
  'AWS::Glue::ResourcePolicy': [{ path: ['PolicyInJson'], type: 'resource' }],
  'AWS::Organizations::Policy': [{ path: ['Content'], type: 'scp' }],
  'AWS::Serverless::Function': [
    { path: ['Policies', '*'], type: 'identity' },
    { path: ['Policies'], type: 'identity' },
  ],
  'AWS::Serverless::StateMachine': [{ path: ['Policies', '*'], type: 'identity' }],
};

export const CFN_INTRINSICS = ['Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length'];

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

/** The policies of a template, each with its path, type and what holds it. */
export function extractCloudFormation(tree: JsonTree & { tagged?: Map<JsonNode, string> }): EmbeddedPolicy[] {
  const root = tree.root;
  if (!isCloudFormationTemplate(root)) {
    return [];
  }
  const dynamicValue = cloudFormationDynamicValue(tree.tagged);
  const out: EmbeddedPolicy[] = [];
  const resources = property(root, 'Resources')?.value;
  for (const resource of resources?.children ?? []) {
    const logicalId = String(resource.children?.[0]?.value ?? '');
    const body = resource.children?.[1];
    const type = String(property(body, 'Type')?.value.value ?? '');
    const properties = property(body, 'Properties')?.value;
    for (const slot of SLOTS[type] ?? []) {
      const visit = (node: JsonNode | undefined, rest: (string | '*')[], path: JsonPath) => {
        if (!node) {
          return;
        }
        if (rest.length === 0) {
          // a policy document is an object with Statement (SAM lists also hold managed policy names and templates)
          // an empty trust policy (`AssumeRolePolicyDocument: {}`) is a policy too: missing-statement reports it
          const emptyTrust = slot.type === 'trust' && node.type === 'object' && !node.children?.length;
          if (node.type === 'object' && (property(node, 'Statement') || emptyTrust) && !dynamicValue(node)) {
            const policy = parsePolicy(tree, {
              root: node,
              basePath: path,
              policyType: { type: slot.type, source: 'container' },
              container: { kind: 'cloudformation', description: `${type} ${logicalId}${slot.path.length ? ` ${slot.path.filter((p) => p !== '*').join('.')}` : ''}` },
              dynamicValue,
            });
            out.push({ policy, basePath: path, offset: node.offset, length: node.length });
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
