/**
 * Dependent actions, curated from AWS documentation (the data's `dependentActions` field is empty):
 * calling `action` with the named option also needs `requires`, checked by AWS as a second
 * authorization. Each entry cites the page that states the requirement.
 */
export interface DependentAction {
  action: string;
  requires: string;
  /** the service principal the role is passed to (for the least-privilege statement the fix adds) */
  passedTo?: string;
  /** when the dependency applies */
  when: string;
  doc: string;
}

export const DEPENDENT_ACTIONS: readonly DependentAction[] = [
  {
    action: 'lambda:CreateFunction',
    requires: 'iam:PassRole',
    passedTo: 'lambda.amazonaws.com',
    when: 'to give the function its execution role',
    doc: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html',
  },
  {
    action: 'ec2:RunInstances',
    requires: 'iam:PassRole',
    passedTo: 'ec2.amazonaws.com',
    when: 'to launch instances with an instance profile (role)',
    doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
  },
  {
    action: 'ecs:RunTask',
    requires: 'iam:PassRole',
    passedTo: 'ecs-tasks.amazonaws.com',
    when: 'to run tasks whose definition has a task role or task execution role',
    doc: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html',
  },
  {
    action: 'ecs:StartTask',
    requires: 'iam:PassRole',
    passedTo: 'ecs-tasks.amazonaws.com',
    when: 'to start tasks whose definition has a task role or task execution role',
    doc: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html',
  },
  {
    action: 'cloudformation:CreateStack',
    requires: 'iam:PassRole',
    passedTo: 'cloudformation.amazonaws.com',
    when: 'to create stacks with a service role',
    doc: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
  },
  {
    action: 'iot:CreateTopicRule',
    requires: 'iam:PassRole',
    passedTo: 'iot.amazonaws.com',
    when: 'to create rules whose actions use a role',
    doc: 'https://docs.aws.amazon.com/iot/latest/developerguide/pass-role.html',
  },
  {
    action: 'iot:ReplaceTopicRule',
    requires: 'iam:PassRole',
    passedTo: 'iot.amazonaws.com',
    when: 'to replace rules whose actions use a role',
    doc: 'https://docs.aws.amazon.com/iot/latest/developerguide/pass-role.html',
  },
];
