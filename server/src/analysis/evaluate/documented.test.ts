/**
 * Every worked example of the IAM User Guide's pages on policy evaluation logic, condition
 * operators, multivalued context keys (set operators) and policy variables, with the answer the
 * page documents. Each case names its page (97 cases: EVAL 22, OPS 39, MULTI 10, VARS 26).
 *
 * Pages (docs.aws.amazon.com/IAM/latest/UserGuide/...):
 *   EVAL  reference_policies_evaluation-logic.html (and ..._policy-eval-basics.html)
 *   OPS   reference_policies_elements_condition_operators.html
 *   MULTI reference_policies_multi-value-conditions.html (now ..._condition-single-vs-multi-valued-context-keys.html
 *         and ..._condition_examples-multi-valued-context-keys.html)
 *   VARS  reference_policies_variables.html
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from './evaluate';
import { pol, stmts } from './testHelpers';
import type { Decision, EvalPolicy, EvalRequest } from './types';

const BASE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const PAGES = {
  EVAL: `${BASE}reference_policies_evaluation-logic.html`,
  OPS: `${BASE}reference_policies_elements_condition_operators.html`,
  MULTI: `${BASE}reference_policies_multi-value-conditions.html`,
  VARS: `${BASE}reference_policies_variables.html`,
} as const;

interface Example {
  page: keyof typeof PAGES;
  name: string;
  policies: EvalPolicy[];
  request: EvalRequest;
  expected: Decision;
  /** the statement that should decide (Sid), when the page names it */
  decidedBy?: string;
}

const ACCOUNT = '123456789012';
const user = (name: string, account = ACCOUNT) => ({ arn: `arn:aws:iam::${account}:user/${name}` });

// ---- EVAL: Carlos and his buckets ----------------------------------------------------------
const carlosIdentity = pol('identity', {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowS3ListRead',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:GetAccountPublicAccessBlock', 's3:ListAccessPoints', 's3:ListAllMyBuckets'],
      Resource: 'arn:aws:s3:::*',
    },
    { Sid: 'AllowS3Self', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'] },
    { Sid: 'DenyS3Logs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
  ],
});
const carlosBucket = pol('resource', {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carlossalazar` },
      Action: 's3:*',
      Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'],
    },
  ],
});
const carlos = user('carlossalazar');

// ---- EVAL: explicit and implicit denies ----------------------------------------------------
const getList = pol(
  'identity',
  stmts(
    { Sid: 'AllowGetList', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    { Sid: 'DenyReports', Effect: 'Deny', Action: 'iam:*Report', Resource: '*' },
  ),
);
const reportGrant = pol('identity', stmts({ Effect: 'Allow', Action: 'iam:GenerateCredentialReport', Resource: '*' }));

// ---- EVAL: resource policies and implicit denies in other types (same account) -------------
const bucketFor = (principal: string) =>
  pol(
    'resource',
    stmts({ Sid: 'Grant', Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }),
  );
const boundaryEc2Only = pol('boundary', stmts({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }));
const sessionEc2Only = pol('session', stmts({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }));
const session = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/examplerole/examplerolesessionname` };
const getShared: Omit<EvalRequest, 'principal'> = {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::shared/doc.txt',
  resourceAccount: ACCOUNT,
};

// ---- OPS -----------------------------------------------------------------------------------
const accessKeyTag = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'iam:*AccessKey*',
    Resource: `arn:aws:iam::${ACCOUNT}:user/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
  },
});
const homeDir = pol(
  'identity',
  stmts(
    { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::*' },
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::BUCKET-NAME',
      Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } },
    },
    {
      Effect: 'Allow',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::BUCKET-NAME/home/${aws:username}', 'arn:aws:s3:::BUCKET-NAME/home/${aws:username}/*'],
    },
  ),
);
const maxKeys = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::example_bucket',
    Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
  },
});
const tokenIssued = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'iam:*AccessKey*',
    Resource: `arn:aws:iam::${ACCOUNT}:user/*`,
    Condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } },
  },
});
const allowS3 = pol('identity', stmts({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
const secureTransport = pol(
  'identity',
  stmts({
    Sid: 'BooleanExample',
    Action: 's3:*',
    Effect: 'Deny',
    Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  }),
);
const sourceIp = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'iam:*AccessKey*',
    Resource: `arn:aws:iam::${ACCOUNT}:user/*`,
    Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  },
});
const mixedIp = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'someservice:*',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } },
  },
});
const arnVsString = (operator: string) =>
  pol(
    'identity',
    stmts({
      Sid: operator,
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { [operator]: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
    }),
  );
const snsToSqs = pol('resource', {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: { AWS: ACCOUNT },
    Action: 'SQS:SendMessage',
    Resource: `arn:aws:sqs:us-east-2:${ACCOUNT}:QUEUE-ID`,
    Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-2:${ACCOUNT}:TOPIC-ID` } },
  },
});
const allowSqsIdentity = pol('identity', stmts({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }));
const runInstancesLike = pol('identity', {
  Version: '2012-10-17',
  Statement: {
    Sid: 'THISPOLICYDOESNOTWORK',
    Effect: 'Allow',
    Action: 'ec2:RunInstances',
    Resource: '*',
    Condition: { StringLike: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
  },
});
const runInstancesIfExists = pol(
  'identity',
  stmts({
    Sid: 'RunInstance',
    Effect: 'Allow',
    Action: 'ec2:RunInstances',
    Resource: '*',
    Condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
  }),
);
const nullToken = pol('identity', {
  Version: '2012-10-17',
  Statement: { Action: 'ec2:*', Effect: 'Allow', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'true' } } },
});
const denyNotEqualsIfExists = pol(
  'identity',
  stmts({
    Sid: 'DenyOtherTeams',
    Effect: 'Deny',
    Action: 'ec2:*',
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } },
  }),
);
const denyNotLike = pol(
  'identity',
  stmts({
    Sid: 'DenyOutsideOrg',
    Effect: 'Deny',
    Action: 's3:*',
    Resource: '*',
    Condition: { StringNotLike: { 'aws:PrincipalOrgID': 'o-abc*' } },
  }),
);
const allowEc2 = pol('identity', stmts({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }));
const ec2Instance = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1234567890abcdef0`;

// ---- MULTI ---------------------------------------------------------------------------------
const threadTable = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Thread`;
const forAllGet = pol(
  'identity',
  stmts({
    Sid: 'ForAllGet',
    Effect: 'Allow',
    Action: 'dynamodb:GetItem',
    Resource: threadTable,
    Condition: { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message', 'Tags'] } },
  }),
);
const forAnyPut = pol(
  'identity',
  stmts({
    Sid: 'ForAnyPut',
    Effect: 'Deny',
    Action: 'dynamodb:PutItem',
    Resource: threadTable,
    Condition: { 'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] } },
  }),
);
const allowDynamo = pol('identity', stmts({ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }));
const attrs = (...values: string[]) => ({ 'dynamodb:requestedAttributes': values });

// ---- VARS ----------------------------------------------------------------------------------
const davidLiteral = pol(
  'identity',
  stmts(
    {
      Action: ['s3:ListBucket'],
      Effect: 'Allow',
      Resource: ['arn:aws:s3:::mybucket'],
      Condition: { StringLike: { 's3:prefix': ['David/*'] } },
    },
    { Action: ['s3:GetObject', 's3:PutObject'], Effect: 'Allow', Resource: ['arn:aws:s3:::mybucket/David/*'] },
  ),
);
const usernameBucket = pol(
  'identity',
  stmts(
    {
      Action: ['s3:ListBucket'],
      Effect: 'Allow',
      Resource: ['arn:aws:s3:::mybucket'],
      Condition: { StringLike: { 's3:prefix': ['${aws:username}/*'] } },
    },
    { Action: ['s3:GetObject', 's3:PutObject'], Effect: 'Allow', Resource: ['arn:aws:s3:::mybucket/${aws:username}/*'] },
  ),
);
const ownAccessKeys = pol(
  'identity',
  stmts({ Action: ['iam:*AccessKey*'], Effect: 'Allow', Resource: [`arn:aws:iam::${ACCOUNT}:user/\${aws:username}`] }),
);
const ownQueues = pol(
  'identity',
  stmts(
    { Sid: 'ListForConsole', Effect: 'Allow', Action: 'sqs:ListQueues', Resource: '*' },
    { Sid: 'AllQueueActions', Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-2:*:${aws:username}-queue' },
  ),
);
const departmentBucket = pol(
  'identity',
  stmts({ Effect: 'Allow', Action: 's3:ListBucket', Resource: ['arn:aws:s3:::bucket/${aws:PrincipalTag/department}'] }),
);
const snsEndpoint = pol(
  'resource',
  stmts({
    Principal: { AWS: '999999999999' },
    Effect: 'Allow',
    Action: 'sns:*',
    Resource: '*',
    Condition: { StringLike: { 'sns:endpoint': 'https://example.com/${aws:username}/' }, StringEquals: { 'sns:Protocol': 'https' } },
  }),
);
const allowSnsIdentity = pol('identity', stmts({ Effect: 'Allow', Action: 'sns:*', Resource: '*' }));
const costCenter = pol(
  'identity',
  stmts({
    Effect: 'Allow',
    Action: ['iam:*user*'],
    Resource: '*',
    Condition: { StringLike: { 'iam:ResourceTag/costCenter': ['12345', '67890'] } },
  }),
);
const specialChars = pol(
  'identity',
  stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/literal-${*}-${?}-${$}' }),
);
const defaultValue = pol(
  'identity',
  stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: "arn:aws:s3:::bucket/${aws:userid, 'anonymous'}/*" }),
);
const noVersion = pol('identity', {
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mybucket/${aws:username}/*' }],
});

const david = user('David');
const alice = user('Alice');

const EXAMPLES: Example[] = [
  // EVAL
  {
    page: 'EVAL',
    name: 'Carlos saves to carlossalazar-logs: DenyS3Logs explicitly denies',
    policies: [carlosIdentity, carlosBucket],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::carlossalazar-logs/file.txt', principal: carlos },
    expected: 'explicitDeny',
    decidedBy: 'DenyS3Logs',
  },
  {
    page: 'EVAL',
    name: 'Carlos saves to carlossalazar: both the identity and the bucket policy allow',
    policies: [carlosIdentity, carlosBucket],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::carlossalazar/file.txt', principal: carlos },
    expected: 'allowed',
  },
  {
    page: 'EVAL',
    name: 'same account: only the identity policy allows, the request is still allowed',
    policies: [carlosIdentity],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::carlossalazar/file.txt', principal: carlos },
    expected: 'allowed',
    decidedBy: 'AllowS3Self',
  },
  {
    page: 'EVAL',
    name: 'same account: only the resource policy allows, the request is still allowed',
    policies: [pol('identity', stmts()), carlosBucket],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::carlossalazar/file.txt', principal: carlos, resourceAccount: ACCOUNT },
    expected: 'allowed',
  },
  {
    page: 'EVAL',
    name: 'AllowS3ListRead lets Carlos list all buckets',
    policies: [carlosIdentity],
    request: { action: 's3:ListAllMyBuckets', resource: 'arn:aws:s3:::*', principal: carlos },
    expected: 'allowed',
    decidedBy: 'AllowS3ListRead',
  },
  {
    page: 'EVAL',
    name: 'AllowGetList allows iam:GetUser',
    policies: [getList],
    request: { action: 'iam:GetUser', resource: '*', principal: alice },
    expected: 'allowed',
    decidedBy: 'AllowGetList',
  },
  {
    page: 'EVAL',
    name: 'iam:CreatePolicy is implicitly denied',
    policies: [getList],
    request: { action: 'iam:CreatePolicy', resource: '*', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'DenyReports explicitly denies iam:GetOrganizationsAccessReport',
    policies: [getList],
    request: { action: 'iam:GetOrganizationsAccessReport', resource: '*', principal: alice },
    expected: 'explicitDeny',
    decidedBy: 'DenyReports',
  },
  {
    page: 'EVAL',
    name: 'another policy granting iam:GenerateCredentialReport is still denied by DenyReports',
    policies: [getList, reportGrant],
    request: { action: 'iam:GenerateCredentialReport', resource: '*', principal: alice },
    expected: 'explicitDeny',
    decidedBy: 'DenyReports',
  },
  {
    page: 'EVAL',
    name: 'SCP: the action must be allowed by both the identity policy and the SCP',
    policies: [allowS3, pol('scp', stmts({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }))],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'SCP and identity policy both allow',
    policies: [allowS3, pol('scp', stmts({ Effect: 'Allow', Action: '*', Resource: '*' }))],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'EVAL',
    name: 'permissions boundary: the intersection with identity policies',
    policies: [allowS3, boundaryEc2Only],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'an explicit deny in an SCP overrides the identity allow',
    policies: [
      allowS3,
      pol(
        'scp',
        stmts(
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
        ),
      ),
    ],
    request: { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/k', principal: alice },
    expected: 'explicitDeny',
    decidedBy: 'NoDelete',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the role ARN is limited by an implicit deny in the permissions boundary',
    policies: [bucketFor(`arn:aws:iam::${ACCOUNT}:role/examplerole`), boundaryEc2Only],
    request: { ...getShared, principal: session },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the role ARN is limited by an implicit deny in the session policy',
    policies: [bucketFor(`arn:aws:iam::${ACCOUNT}:role/examplerole`), sessionEc2Only],
    request: { ...getShared, principal: session },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the role ARN, no boundary or session policy: allowed',
    policies: [bucketFor(`arn:aws:iam::${ACCOUNT}:role/examplerole`)],
    request: { ...getShared, principal: session },
    expected: 'allowed',
    decidedBy: 'Grant',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the role session ARN is not limited by boundary or session policy',
    policies: [bucketFor(session.arn), boundaryEc2Only, sessionEc2Only],
    request: { ...getShared, principal: session },
    expected: 'allowed',
    decidedBy: 'Grant',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the IAM user ARN is not limited by an implicit deny in the boundary',
    policies: [bucketFor(`arn:aws:iam::${ACCOUNT}:user/exampleuser`), boundaryEc2Only],
    request: { ...getShared, principal: user('exampleuser') },
    expected: 'allowed',
    decidedBy: 'Grant',
  },
  {
    page: 'EVAL',
    name: 'resource policy granting the federated user session ARN grants directly',
    policies: [bucketFor(`arn:aws:sts::${ACCOUNT}:federated-user/exampleuser`), sessionEc2Only],
    request: { ...getShared, principal: { arn: `arn:aws:sts::${ACCOUNT}:federated-user/exampleuser` } },
    expected: 'allowed',
  },
  {
    page: 'EVAL',
    name: 'cross-account: the resource policy allows but no identity policy of the other account does',
    policies: [bucketFor('arn:aws:iam::444455556666:user/bob')],
    request: { ...getShared, principal: user('bob', '444455556666') },
    expected: 'implicitDeny',
  },
  {
    page: 'EVAL',
    name: 'cross-account: both the identity and the resource policy allow',
    policies: [bucketFor('arn:aws:iam::444455556666:user/bob'), allowS3],
    request: { ...getShared, principal: user('bob', '444455556666') },
    expected: 'allowed',
  },
  {
    page: 'EVAL',
    name: 'cross-account: the identity policy alone is not enough',
    policies: [allowS3],
    request: { ...getShared, principal: user('bob', '444455556666') },
    expected: 'implicitDeny',
  },

  // OPS
  {
    page: 'OPS',
    name: 'StringEquals aws:PrincipalTag/job-category: a user with the tag may edit access keys',
    policies: [accessKeyTag],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'StringEquals aws:PrincipalTag/job-category: a user without the tag is implicitly denied',
    policies: [accessKeyTag],
    request: { action: 'iam:UpdateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'StringLike with ${aws:username}: listing the own home prefix',
    policies: [homeDir],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', principal: david, context: { 's3:prefix': 'home/David/' } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'StringLike with ${aws:username}: listing the root of the bucket ("" prefix)',
    policies: [homeDir],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', principal: david, context: { 's3:prefix': '' } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: "StringLike with ${aws:username}: another user's home prefix is not listed",
    policies: [homeDir],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', principal: david, context: { 's3:prefix': 'home/Alice/' } },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'home directory: full access to the own home objects',
    policies: [homeDir],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::BUCKET-NAME/home/David/notes.txt', principal: david },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: "home directory: no access to another user's objects",
    policies: [homeDir],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKET-NAME/home/Alice/notes.txt', principal: david },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'NumericLessThanEquals s3:max-keys 10: 10 keys allowed',
    policies: [maxKeys],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', principal: alice, context: { 's3:max-keys': 10 } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'NumericLessThanEquals s3:max-keys 10: 11 keys denied',
    policies: [maxKeys],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', principal: alice, context: { 's3:max-keys': '11' } },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'DateGreaterThan aws:TokenIssueTime: credentials issued in 2021',
    policies: [tokenIssued],
    request: {
      action: 'iam:ListAccessKeys',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:TokenIssueTime': '2021-03-01T12:00:00Z' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'DateGreaterThan aws:TokenIssueTime: an IAM user with access keys (no key) is denied',
    policies: [tokenIssued],
    request: { action: 'iam:ListAccessKeys', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'DateGreaterThan aws:TokenIssueTime in epoch seconds before 2020',
    policies: [tokenIssued],
    request: {
      action: 'iam:ListAccessKeys',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:TokenIssueTime': 1546300800 },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'Bool aws:SecureTransport false: a request without SSL is denied',
    policies: [allowS3, secureTransport],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/k',
      principal: alice,
      context: { 'aws:SecureTransport': false },
    },
    expected: 'explicitDeny',
    decidedBy: 'BooleanExample',
  },
  {
    page: 'OPS',
    name: 'Bool aws:SecureTransport false: a request over SSL is allowed by the other policy',
    policies: [allowS3, secureTransport],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/k',
      principal: alice,
      context: { 'aws:SecureTransport': 'true' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'the Bool deny policy alone allows nothing',
    policies: [secureTransport],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/k',
      principal: alice,
      context: { 'aws:SecureTransport': 'true' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'IpAddress 203.0.113.0/24: 203.0.113.77 inside',
    policies: [sourceIp],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:SourceIp': '203.0.113.77' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'IpAddress 203.0.113.0/24: 203.0.114.1 outside',
    policies: [sourceIp],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:SourceIp': '203.0.114.1' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'IpAddress: through a VPC endpoint aws:SourceIp is absent and the condition is false',
    policies: [sourceIp],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'IpAddress with IPv4 and IPv6 ranges: an IPv6 address in 2001:DB8:1234:5678::/64',
    policies: [mixedIp],
    request: { action: 'someservice:DoThing', resource: '*', principal: alice, context: { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'IpAddress with IPv4 and IPv6 ranges: an IPv6 address outside',
    policies: [mixedIp],
    request: { action: 'someservice:DoThing', resource: '*', principal: alice, context: { 'aws:SourceIp': '2001:db8:1234:5679::1' } },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'a bare IP address is a /32',
    policies: [
      pol(
        'identity',
        stmts({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.5' } } }),
      ),
    ],
    request: { action: 's3:GetObject', resource: '*', principal: alice, context: { 'aws:SourceIp': '203.0.113.6' } },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'StringLike matches across colons (the first * spans us-east-2:999999999999:store/abc:)',
    policies: [arnVsString('StringLike')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      principal: alice,
      context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'ArnLike matches segment by segment, so the same value fails',
    policies: [arnVsString('ArnLike')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      principal: alice,
      context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'ArnEquals behaves as ArnLike (wildcards per segment)',
    policies: [arnVsString('ArnEquals')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      principal: alice,
      context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:111122223333:finance/document.txt' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'ArnEquals aws:SourceArn on an SQS queue policy: SNS on behalf of the topic may send',
    policies: [snsToSqs, allowSqsIdentity],
    request: {
      action: 'sqs:SendMessage',
      resource: `arn:aws:sqs:us-east-2:${ACCOUNT}:QUEUE-ID`,
      principal: user('sender'),
      context: { 'aws:SourceArn': `arn:aws:sns:us-east-2:${ACCOUNT}:TOPIC-ID` },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'ArnEquals aws:SourceArn: an IAM user calling directly (no key) is not granted by the queue policy',
    policies: [snsToSqs],
    request: { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-2:${ACCOUNT}:QUEUE-ID`, principal: user('sender') },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'THISPOLICYDOESNOTWORK: a resource without ec2:InstanceType fails StringLike',
    policies: [runInstancesLike],
    request: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1::image/ami-12345678', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'StringLikeIfExists: a resource without ec2:InstanceType passes',
    policies: [runInstancesIfExists],
    request: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1::image/ami-12345678', principal: alice },
    expected: 'allowed',
    decidedBy: 'RunInstance',
  },
  {
    page: 'OPS',
    name: 'StringLikeIfExists: instance type t2.micro is allowed',
    policies: [runInstancesIfExists],
    request: { action: 'ec2:RunInstances', resource: ec2Instance, principal: alice, context: { 'ec2:InstanceType': 't2.micro' } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'StringLikeIfExists: instance type c5.large is not',
    policies: [runInstancesIfExists],
    request: { action: 'ec2:RunInstances', resource: ec2Instance, principal: alice, context: { 'ec2:InstanceType': 'c5.large' } },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'Null aws:TokenIssueTime true: long-term credentials may use EC2',
    policies: [nullToken],
    request: { action: 'ec2:DescribeInstances', resource: '*', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'Null aws:TokenIssueTime true: temporary credentials may not',
    policies: [nullToken],
    request: {
      action: 'ec2:DescribeInstances',
      resource: '*',
      principal: alice,
      context: { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'Deny with StringNotEqualsIfExists: still denied when the tag is missing',
    policies: [allowEc2, denyNotEqualsIfExists],
    request: { action: 'ec2:StopInstances', resource: ec2Instance, principal: alice },
    expected: 'explicitDeny',
    decidedBy: 'DenyOtherTeams',
  },
  {
    page: 'OPS',
    name: 'Deny with StringNotEqualsIfExists: the matching tag is not denied',
    policies: [allowEc2, denyNotEqualsIfExists],
    request: { action: 'ec2:StopInstances', resource: ec2Instance, principal: alice, context: { 'aws:ResourceTag/team': 'blue' } },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'negated operator (StringNotLike) with the key absent: the condition is true',
    policies: [allowS3, denyNotLike],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice },
    expected: 'explicitDeny',
    decidedBy: 'DenyOutsideOrg',
  },
  {
    page: 'OPS',
    name: 'positive operator with the key absent: the condition is false',
    policies: [accessKeyTag],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'aws:PrincipalTag/other': 'iamuser-admin' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'context key names are case-insensitive (AWS:SourceIp = aws:sourceip)',
    policies: [sourceIp],
    request: {
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      principal: alice,
      context: { 'AWS:SOURCEIP': '203.0.113.1' },
    },
    expected: 'allowed',
  },
  {
    page: 'OPS',
    name: 'StringEquals is case-sensitive: John is not john',
    policies: [
      pol('identity', stmts({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:username': 'john' } } })),
    ],
    request: { action: 's3:GetObject', resource: '*', principal: user('John') },
    expected: 'implicitDeny',
  },
  {
    page: 'OPS',
    name: 'StringEqualsIgnoreCase matches John and john',
    policies: [
      pol(
        'identity',
        stmts({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEqualsIgnoreCase: { 'aws:username': 'john' } } }),
      ),
    ],
    request: { action: 's3:GetObject', resource: '*', principal: user('John') },
    expected: 'allowed',
  },

  // MULTI
  {
    page: 'MULTI',
    name: 'ForAllValues:StringLike: PostDateTime and Message are all listed',
    policies: [forAllGet],
    request: { action: 'dynamodb:GetItem', resource: threadTable, principal: alice, context: attrs('PostDateTime', 'Message') },
    expected: 'allowed',
    decidedBy: 'ForAllGet',
  },
  {
    page: 'MULTI',
    name: 'ForAllValues:StringLike: a request including ID fails',
    policies: [forAllGet],
    request: { action: 'dynamodb:GetItem', resource: threadTable, principal: alice, context: attrs('PostDateTime', 'ID') },
    expected: 'implicitDeny',
  },
  {
    page: 'MULTI',
    name: 'ForAllValues:StringLike: PostDateTime and UserName (no match for UserName) is false',
    policies: [forAllGet],
    request: { action: 'dynamodb:GetItem', resource: threadTable, principal: alice, context: attrs('PostDateTime', 'UserName') },
    expected: 'implicitDeny',
  },
  {
    page: 'MULTI',
    name: 'ForAnyValue:StringLike Deny: updating PostDateTime and Message is denied',
    policies: [allowDynamo, forAnyPut],
    request: { action: 'dynamodb:PutItem', resource: threadTable, principal: alice, context: attrs('PostDateTime', 'Message') },
    expected: 'explicitDeny',
    decidedBy: 'ForAnyPut',
  },
  {
    page: 'MULTI',
    name: 'ForAnyValue:StringLike Deny: PutItem with only UserName is not denied by this policy',
    policies: [allowDynamo, forAnyPut],
    request: { action: 'dynamodb:PutItem', resource: threadTable, principal: alice, context: attrs('UserName') },
    expected: 'allowed',
  },
  {
    page: 'MULTI',
    name: '...and without another policy it is implicitly denied',
    policies: [forAnyPut],
    request: { action: 'dynamodb:PutItem', resource: threadTable, principal: alice, context: attrs('UserName') },
    expected: 'implicitDeny',
  },
  {
    page: 'MULTI',
    name: 'ForAnyValue Deny: UserName, Message and PostDateTime (the last test is true) is denied',
    policies: [allowDynamo, forAnyPut],
    request: { action: 'dynamodb:PutItem', resource: threadTable, principal: alice, context: attrs('UserName', 'Message', 'PostDateTime') },
    expected: 'explicitDeny',
  },
  {
    page: 'MULTI',
    name: 'an empty data set: ForAllValues returns true',
    policies: [forAllGet],
    request: { action: 'dynamodb:GetItem', resource: threadTable, principal: alice, context: attrs() },
    expected: 'allowed',
  },
  {
    page: 'MULTI',
    name: 'an empty data set: ForAnyValue returns false',
    policies: [allowDynamo, forAnyPut],
    request: { action: 'dynamodb:PutItem', resource: threadTable, principal: alice, context: attrs() },
    expected: 'allowed',
  },
  {
    page: 'MULTI',
    name: 'ForAllValues also returns true when the key is absent from the request',
    policies: [forAllGet],
    request: { action: 'dynamodb:GetItem', resource: threadTable, principal: alice },
    expected: 'allowed',
  },

  // VARS
  {
    page: 'VARS',
    name: 'literal David policy: David lists his prefix',
    policies: [davidLiteral],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::mybucket', principal: david, context: { 's3:prefix': 'David/photos' } },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'literal David policy: David writes his objects',
    policies: [davidLiteral],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::mybucket/David/a.txt', principal: david },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: '${aws:username} in Resource: the user name from the request replaces the variable',
    policies: [usernameBucket],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/Alice/a.txt', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: "${aws:username} in Resource: another user's prefix is not granted",
    policies: [usernameBucket],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/David/a.txt', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: '${aws:username} in a StringLike condition value: s3:prefix Alice/',
    policies: [usernameBucket],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::mybucket', principal: alice, context: { 's3:prefix': 'Alice/docs' } },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: '${aws:username} in a StringLike condition value: s3:prefix David/ for Alice',
    policies: [usernameBucket],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::mybucket', principal: alice, context: { 's3:prefix': 'David/' } },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'own access keys: David changes his key',
    policies: [ownAccessKeys],
    request: { action: 'iam:UpdateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/David`, principal: david },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: "own access keys: David cannot change Alice's key",
    policies: [ownAccessKeys],
    request: { action: 'iam:UpdateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/Alice`, principal: david },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'queues named after the user in us-east-2',
    policies: [ownQueues],
    request: { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-2:${ACCOUNT}:Alice-queue`, principal: alice },
    expected: 'allowed',
    decidedBy: 'AllQueueActions',
  },
  {
    page: 'VARS',
    name: 'queues named after the user: not in another Region',
    policies: [ownQueues],
    request: { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-west-2:${ACCOUNT}:Alice-queue`, principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'ListForConsole allows sqs:ListQueues',
    policies: [ownQueues],
    request: { action: 'sqs:ListQueues', resource: '*', principal: alice },
    expected: 'allowed',
    decidedBy: 'ListForConsole',
  },
  {
    page: 'VARS',
    name: '${aws:PrincipalTag/department} in Resource: the bucket named like the tag',
    policies: [departmentBucket],
    request: {
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::bucket/Human Resources',
      principal: alice,
      context: { 'aws:PrincipalTag/department': 'Human Resources' },
    },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'a variable whose key is absent (no default) matches nothing',
    policies: [departmentBucket],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket/', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'SNS topic policy: account 999999999999 user whose endpoint URL has their name',
    policies: [snsEndpoint, allowSnsIdentity],
    request: {
      action: 'sns:Subscribe',
      resource: 'arn:aws:sns:us-east-1:111122223333:topic',
      principal: user('Bob', '999999999999'),
      context: { 'sns:Endpoint': 'https://example.com/Bob/', 'sns:Protocol': 'https' },
    },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: "SNS topic policy: another user's endpoint URL is not granted",
    policies: [snsEndpoint, allowSnsIdentity],
    request: {
      action: 'sns:Subscribe',
      resource: 'arn:aws:sns:us-east-1:111122223333:topic',
      principal: user('Bob', '999999999999'),
      context: { 'sns:Endpoint': 'https://example.com/Eve/', 'sns:Protocol': 'https' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'SNS topic policy: both conditions must hold (protocol http fails)',
    policies: [snsEndpoint, allowSnsIdentity],
    request: {
      action: 'sns:Subscribe',
      resource: 'arn:aws:sns:us-east-1:111122223333:topic',
      principal: user('Bob', '999999999999'),
      context: { 'sns:Endpoint': 'https://example.com/Bob/', 'sns:Protocol': 'http' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'costCenter tag 12345 allows iam:*user*',
    policies: [costCenter],
    request: { action: 'iam:CreateUser', resource: '*', principal: alice, context: { 'iam:ResourceTag/costCenter': '12345' } },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'costCenter tag with another value fails',
    policies: [costCenter],
    request: { action: 'iam:CreateUser', resource: '*', principal: alice, context: { 'iam:ResourceTag/costCenter': '99999' } },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'costCenter tag absent fails',
    policies: [costCenter],
    request: { action: 'iam:CreateUser', resource: '*', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: '${*} ${?} ${$} are literal characters',
    policies: [specialChars],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/literal-*-?-$', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: '${*} is not a wildcard',
    policies: [specialChars],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/literal-abc-x-$', principal: alice },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: "default value: an anonymous user (no aws:userid) resolves to 'anonymous'",
    policies: [defaultValue],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/anonymous/file', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'default value: a present aws:userid replaces the default',
    policies: [defaultValue],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/AIDAEXAMPLE/file',
      principal: alice,
      context: { 'aws:userid': 'AIDAEXAMPLE' },
    },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'default value: with aws:userid present the anonymous prefix is not granted',
    policies: [defaultValue],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/anonymous/file',
      principal: alice,
      context: { 'aws:userid': 'AIDAEXAMPLE' },
    },
    expected: 'implicitDeny',
  },
  {
    page: 'VARS',
    name: 'without Version 2012-10-17 a variable is a literal string',
    policies: [noVersion],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/${aws:username}/x', principal: alice },
    expected: 'allowed',
  },
  {
    page: 'VARS',
    name: 'without Version 2012-10-17 the variable is not substituted',
    policies: [noVersion],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/Alice/x', principal: alice },
    expected: 'implicitDeny',
  },
];

for (const ex of EXAMPLES) {
  test(`[${ex.page}] ${ex.name} (${PAGES[ex.page]})`, () => {
    const result = evaluate(ex.policies, ex.request);
    assert.equal(result.decision, ex.expected, result.reason);
    if (ex.decidedBy) {
      assert.ok(
        result.deciding.some((s) => s.sid === ex.decidedBy),
        `expected ${ex.decidedBy} to decide; got ${result.deciding.map((s) => s.sid ?? s.index).join(', ')} (${result.reason})`,
      );
    }
  });
}

test('documented examples: count per page', () => {
  const perPage = new Map<string, number>();
  for (const ex of EXAMPLES) {
    perPage.set(ex.page, (perPage.get(ex.page) ?? 0) + 1);
  }
  // every page contributes, with both outcomes where the page shows both
  assert.deepEqual([...perPage.keys()].sort(), ['EVAL', 'MULTI', 'OPS', 'VARS']);
  for (const page of perPage.keys()) {
    const outcomes = new Set(EXAMPLES.filter((e) => e.page === page).map((e) => e.expected));
    assert.ok(outcomes.has('allowed') && outcomes.has('implicitDeny'), page);
  }
});
