/**
 * The old and new identity policies that the CLI's access-command tests (English and Japanese)
 * compare: a widened action list and resource list, a loosened condition and a new Deny.
 */
export const oldPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/*' },
    {
      Sid: 'Start',
      Effect: 'Allow',
      Action: 'ec2:StartInstances',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
    },
  ],
};

export const newPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::data/*', 'arn:aws:s3:::logs/*'] },
    {
      Sid: 'Start',
      Effect: 'Allow',
      Action: 'ec2:StartInstances',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/env': ['dev', 'prod'] } },
    },
    { Sid: 'NoLogsWrite', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs/*' },
  ],
};
