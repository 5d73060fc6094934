/**
 * What the security rules share: how broad a statement's resources are, whether a condition
 * really limits it, and the known privilege-escalation methods.
 */
import { conditionExplanation } from '../analysis/conditions';
import type { PolicyFacts } from '../analysis/facts';
import { parseArn, resourceCoversTemplate } from '../catalog/arn';
import type { ActionInfo } from '../catalog/catalog';
import type { Statement } from '../policy/model';
import type { FindingInput, Severity } from './ruleApi';

export type ResourceBreadth = 'all' | 'wildcard' | 'specific' | 'self' | 'awsManaged';

/**
 * - all: "*" or NotResource
 * - wildcard: a pattern that spans accounts or many resources (`arn:aws:iam::*:policy/x-*`)
 * - self: only the caller's own user (`user/${aws:username}`)
 * - awsManaged: only AWS managed policies (`arn:aws:iam::aws:policy/...`)
 * - specific: named resources
 */
export function resourceBreadth(facts: PolicyFacts, statement: Statement): ResourceBreadth {
  const { values, negated } = facts.resources(statement);
  // in a resource-based policy "*" is the resource the policy is attached to (a key, a queue)
  if (facts.policy.policyType === 'resource' && !negated && values.length > 0 && values.every((v) => v === '*')) {
    return 'specific';
  }
  if (negated || values.includes('*') || values.length === 0) {
    return 'all';
  }
  if (values.every((v) => /:user\/(\$\{aws:username\}|\$\{aws:userid\})$/i.test(v))) {
    return 'self';
  }
  if (values.every((v) => /^arn:[^:]+:iam::aws:policy\//.test(v))) {
    return 'awsManaged';
  }
  // a wildcard in the resource name reaches resources you did not name; one in the account or
  // Region alone (`arn:aws:dynamodb:*:*:table/Books`) still names the resource
  const broad = values.some((v) => {
    const arn = parseArn(v);
    return !arn || /[*?]/.test(arn.resource.replace(/\$\{[^}]*\}/g, ''));
  });
  return broad ? 'wildcard' : 'specific';
}

/** The statement reaches every resource of one of the action's types ("*", NotResource, or a pattern that covers the type). */
export function coversAllOf(facts: PolicyFacts, s: Statement, action: ActionInfo): boolean {
  const { values, negated } = facts.resources(s);
  if (facts.policy.policyType === 'resource' && !negated && values.length > 0 && values.every((v) => v === '*')) {
    return false;
  }
  if (negated || values.includes('*')) {
    return true;
  }
  return facts.catalog.resourceTypesOf(action).some((t) => values.some((v) => resourceCoversTemplate(v, t.arn)));
}

/** Actions of a statement that the policy really allows (not cancelled by a blanket Deny). */
export function netActionsOf(facts: PolicyFacts, s: Statement, actions: readonly ActionInfo[]): ActionInfo[] {
  if (s.effect?.value !== 'Allow') {
    return [];
  }
  const denied = facts.blanketDenied();
  return denied.size === 0 ? [...actions] : actions.filter((a) => !denied.has(a));
}

/**
 * A resource-policy statement whose principals are only whole accounts (`arn:aws:iam::111122223333:root`
 * or the account ID): it delegates to that account's IAM policies, as AWS's default key policy does.
 */
export function delegatesToAccounts(s: Statement): boolean {
  const entries = s.principal?.entries ?? [];
  return (
    !s.principal?.scalar &&
    entries.length > 0 &&
    entries.every((e) => e.type === 'AWS' && e.values.values.length > 0 && e.values.values.every((v) => /^(\d{12}|arn:[\w-]+:iam::\d{12}:root)$/.test(v.value.trim())))
  );
}

/** Statements that are `Allow * on *`: full-admin reports them; other broad-grant rules stay quiet. */
export function isFullAdmin(facts: PolicyFacts, s: Statement): boolean {
  return s.effect?.value === 'Allow' && !!s.action?.values.some((v) => v.value.trim() === '*') && facts.resources(s).values.includes('*');
}

/**
 * The severity of a broad grant: a condition that really constrains the statement lowers it to a
 * note, and says why; weak conditions (that limit nothing) change nothing. `dead`: the condition
 * can never be true, so the statement grants nothing and the broad-grant rules stay quiet (the
 * statement is reported once, by statement-never-applies or unknown-condition-key).
 */
export function conditionAdjustment(facts: PolicyFacts, s: Statement): { severity?: Severity; security?: boolean; why: string; dead?: boolean } {
  const assessment = facts.conditions(s);
  if (assessment.neverTrue.length > 0) {
    return { why: '', dead: true };
  }
  const why = conditionExplanation(assessment);
  if (why) {
    return { severity: 'info', security: false, why: ` (lower severity: ${why})` };
  }
  return { why: '' };
}

export function withAdjustment(input: FindingInput, adj: { severity?: Severity; security?: boolean }): FindingInput {
  return { ...input, ...(adj.severity ? { severity: adj.severity } : {}), ...(adj.security !== undefined ? { security: adj.security } : {}) };
}

export interface EscalationMethod {
  name: string;
  actions: string[];
  /** creating credentials for yourself is not an escalation */
  selfSafe?: boolean;
  /** modifying AWS managed policies is impossible */
  awsManagedSafe?: boolean;
}

/** Published IAM privilege-escalation paths (Rhino Security Labs, Bishop Fox iam-vulnerable, pathfinding.cloud). */
export const ESCALATION_METHODS: EscalationMethod[] = [
  { name: 'create a new default version of a managed policy', actions: ['iam:CreatePolicyVersion'], awsManagedSafe: true },
  { name: 'switch a managed policy to an older version', actions: ['iam:SetDefaultPolicyVersion'], awsManagedSafe: true },
  { name: "create access keys for another user", actions: ['iam:CreateAccessKey'], selfSafe: true },
  { name: 'create a console password for another user', actions: ['iam:CreateLoginProfile'], selfSafe: true },
  { name: "change another user's console password", actions: ['iam:UpdateLoginProfile'], selfSafe: true },
  { name: 'attach any managed policy to a user', actions: ['iam:AttachUserPolicy'] },
  { name: 'attach any managed policy to a group', actions: ['iam:AttachGroupPolicy'] },
  { name: 'attach any managed policy to a role', actions: ['iam:AttachRolePolicy'] },
  { name: 'write an inline policy on a user', actions: ['iam:PutUserPolicy'] },
  { name: 'write an inline policy on a group', actions: ['iam:PutGroupPolicy'] },
  { name: 'write an inline policy on a role', actions: ['iam:PutRolePolicy'] },
  { name: 'add a user to a more privileged group', actions: ['iam:AddUserToGroup'] },
  { name: 'make a privileged role trust you', actions: ['iam:UpdateAssumeRolePolicy'] },
  { name: 'pass a privileged role to a new EC2 instance', actions: ['iam:PassRole', 'ec2:RunInstances'] },
  { name: 'pass a privileged role to a new Lambda function and invoke it', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'] },
  { name: 'pass a privileged role to a new Lambda function triggered by DynamoDB', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'] },
  { name: 'pass a privileged role to a new Lambda function invoked by another service', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'] },
  { name: "replace the code of a function that runs with a privileged role", actions: ['lambda:UpdateFunctionCode'] },
  { name: 'add a malicious layer to a function with a privileged role', actions: ['lambda:UpdateFunctionConfiguration'] },
  { name: 'take over a Glue development endpoint with a privileged role', actions: ['glue:UpdateDevEndpoint'] },
  { name: 'pass a privileged role to a new Glue development endpoint', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'] },
  { name: 'pass a privileged role to a CloudFormation stack', actions: ['iam:PassRole', 'cloudformation:CreateStack'] },
  { name: 'pass a privileged role to a Data Pipeline', actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'] },
  { name: 'pass a privileged role to a SageMaker notebook and open it', actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'] },
  { name: 'open an existing SageMaker notebook that has a privileged role', actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'] },
  { name: 'pass a privileged role to a CodeBuild project and run it', actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'] },
  { name: 'pass a privileged role to an ECS task', actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'] },
  { name: 'change the user data of an instance with a privileged role', actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'] },
  { name: 'pass a privileged role to an Auto Scaling group', actions: ['iam:PassRole', 'autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup'] },
];

/** Actions that return credentials or secrets of other principals (Parliament, Cloudsplaining). */
export const CREDENTIAL_ACTIONS = [
  'chime:CreateApiKey',
  'codeartifact:GetAuthorizationToken',
  'codepipeline:PollForJobs',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'connect:GetFederationToken',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'gamelift:RequestUploadCredentials',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'rds-db:Connect',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'sso:GetRoleCredentials',
  'mediapackage:RotateIngestEndpointCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
];

/** Reads that return data or secrets (Cloudsplaining's data exfiltration list, plus object versions and KMS). */
export const EXFILTRATION_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'kms:Decrypt',
];
