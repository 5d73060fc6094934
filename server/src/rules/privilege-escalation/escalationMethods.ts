/** The privilege-escalation paths privilege-escalation looks for. */
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
  { name: 'create access keys for another user', actions: ['iam:CreateAccessKey'], selfSafe: true },
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
  {
    name: 'pass a privileged role to a new Lambda function and invoke it',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  },
  {
    name: 'pass a privileged role to a new Lambda function triggered by DynamoDB',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  },
  {
    name: 'pass a privileged role to a new Lambda function invoked by another service',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'],
  },
  { name: 'replace the code of a function that runs with a privileged role', actions: ['lambda:UpdateFunctionCode'] },
  { name: 'add a malicious layer to a function with a privileged role', actions: ['lambda:UpdateFunctionConfiguration'] },
  { name: 'take over a Glue development endpoint with a privileged role', actions: ['glue:UpdateDevEndpoint'] },
  { name: 'pass a privileged role to a new Glue development endpoint', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'] },
  { name: 'pass a privileged role to a CloudFormation stack', actions: ['iam:PassRole', 'cloudformation:CreateStack'] },
  {
    name: 'pass a privileged role to a Data Pipeline',
    actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
  },
  {
    name: 'pass a privileged role to a SageMaker notebook and open it',
    actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'],
  },
  { name: 'open an existing SageMaker notebook that has a privileged role', actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'] },
  {
    name: 'pass a privileged role to a CodeBuild project and run it',
    actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'],
  },
  { name: 'pass a privileged role to an ECS task', actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'] },
  {
    name: 'change the user data of an instance with a privileged role',
    actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
  },
  {
    name: 'pass a privileged role to an Auto Scaling group',
    actions: ['iam:PassRole', 'autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup'],
  },
];
