/**
 * Layer 2: the policy model. IAM's "string or array" shapes are normalised into lists, and every
 * element keeps its JSON node (exact offsets) and JSON path, so rules can point at precisely what
 * they mean. The model is a plain value: no caches, no settings. Any part may be missing, because
 * the user is typing.
 */
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';

export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp';

export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp'];

export const POLICY_TYPE_LABELS: Record<PolicyType, string> = {
  identity: 'Identity policy',
  resource: 'Resource policy',
  trust: 'Role trust policy',
  scp: 'Service control policy',
  rcp: 'Resource control policy',
};

/** Where the type came from, so the UI can say "inferred" or "from settings". */
export type PolicyTypeSource = 'inferred' | 'setting' | 'glob' | 'comment' | 'container';

/** Anything in the document that has a node and a path. */
export interface Located {
  node: JsonNode;
  path: JsonPath;
}

/** A string value: an action, an ARN, a Sid, a principal, a condition value. */
export interface PolicyString extends Located {
  value: string;
  /**
   * Set for values computed by the surrounding template (CloudFormation `Fn::Sub`, `Ref`, Terraform
   * interpolation): the text is what the author wrote, not what AWS will see.
   */
  dynamic?: string;
}

/** A property of an object: `"Action": ...` */
export interface PolicyElement {
  name: string;
  keyNode: JsonNode;
  propertyNode: JsonNode;
  valueNode: JsonNode | undefined;
  /** path of the value */
  path: JsonPath;
  /** the value is computed by a template (CloudFormation intrinsic, Terraform expression): its name */
  dynamic?: string;
}

/** Action, NotAction, Resource, NotResource and principal values: a string or an array of strings. */
export interface StringList {
  element: PolicyElement;
  isArray: boolean;
  values: PolicyString[];
  /** entries that are not strings (numbers, objects, nested arrays, null) */
  invalid: Located[];
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | string;

export interface PrincipalEntry {
  type: PrincipalType;
  element: PolicyElement;
  values: StringList;
}

export interface PrincipalBlock {
  element: PolicyElement;
  /** `"Principal": "*"` (any string; only "*" is valid there) */
  scalar?: PolicyString;
  entries: PrincipalEntry[];
}

export interface ConditionValue extends Located {
  /** booleans and numbers are kept as their JSON text (IAM accepts unquoted true/42) */
  value: string;
  jsonType: 'string' | 'boolean' | 'number';
  dynamic?: string;
}

export interface ConditionEntry {
  key: string;
  element: PolicyElement;
  isArray: boolean;
  values: ConditionValue[];
  invalid: Located[];
}

export interface ConditionClause {
  /** the operator as written, e.g. `ForAnyValue:StringLikeIfExists` */
  operator: string;
  element: PolicyElement;
  entries: ConditionEntry[];
}

export interface ConditionBlock {
  element: PolicyElement;
  clauses: ConditionClause[];
}

export interface Statement extends Located {
  /** index in the Statement array; undefined when Statement is a single object */
  index: number | undefined;
  /** every property, in document order (duplicates included) */
  elements: PolicyElement[];
  sid?: PolicyString;
  effect?: PolicyString;
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  action?: StringList;
  notAction?: StringList;
  resource?: StringList;
  notResource?: StringList;
  condition?: ConditionBlock;
}

export interface PolicyDocument {
  tree: JsonTree;
  /** the policy object (the document root, or an object embedded in a template) */
  root: JsonNode | undefined;
  /** every top-level property, in document order */
  elements: PolicyElement[];
  version?: PolicyString;
  id?: PolicyString;
  statementElement?: PolicyElement;
  statements: Statement[];
  policyType: PolicyType;
  policyTypeSource: PolicyTypeSource;
  /** how the policy is stored: affects size limits and which rules apply */
  container: PolicyContainer;
  /** entries of Statement that a template chooses between (Fn::If), read through their branches */
  chosenStatements?: Set<JsonNode>;
}

/** Where the policy lives. */
export interface PolicyContainer {
  kind: 'json' | 'jsonc' | 'cloudformation' | 'terraform' | 'cdk';
  /** for embedded policies: what holds it, e.g. `AWS::IAM::Role AssumeRolePolicyDocument` */
  description?: string;
  /** for resource policies whose holder fixes the kind: ValidatePolicy's validatePolicyResourceType */
  resourceType?: string;
  /** the holder is the resource (an ECR repository policy): statements may omit Resource */
  impliedResource?: boolean;
  /** written as Terraform `aws_iam_policy_document` blocks: keys are its arguments and blocks (`actions`, `condition {}`) */
  hclBlocks?: boolean;
  /** the policy is JSON written in a string: `verbatim` (a YAML block or plain scalar) or `escaped` (quoted, with escapes) */
  stringEncoding?: 'verbatim' | 'escaped';
}

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export const VERSIONS = ['2012-10-17', '2008-10-17'] as const;

/** The action list of a statement, whichever of Action/NotAction it uses. */
export function statementActions(s: Statement): { list: StringList; negated: boolean } | undefined {
  if (s.action) {
    return { list: s.action, negated: false };
  }
  if (s.notAction) {
    return { list: s.notAction, negated: true };
  }
  return undefined;
}

export function statementResources(s: Statement): { list: StringList; negated: boolean } | undefined {
  if (s.resource) {
    return { list: s.resource, negated: false };
  }
  if (s.notResource) {
    return { list: s.notResource, negated: true };
  }
  return undefined;
}

export function isAllow(s: Statement): boolean {
  return s.effect?.value === 'Allow';
}

export function isDeny(s: Statement): boolean {
  return s.effect?.value === 'Deny';
}

/** The condition keys used in a statement, lower-cased, with their clauses. */
export function conditionEntries(s: Statement): { clause: ConditionClause; entry: ConditionEntry }[] {
  const out: { clause: ConditionClause; entry: ConditionEntry }[] = [];
  for (const clause of s.condition?.clauses ?? []) {
    for (const entry of clause.entries) {
      out.push({ clause, entry });
    }
  }
  return out;
}
