import rule from './rule';
import { testRule } from '../../testing/testRule';

const statement = (resource: string) => `{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": ${resource}}`;

testRule(rule, {
  accept: [
    statement('"arn:aws:ec2:eu-west-1:111122223333:instance/*"'),
    statement('"arn:aws-cn:ec2:cn-northwest-1:111122223333:instance/*"'),
    statement('"arn:aws-us-gov:ec2:us-gov-east-1:111122223333:instance/*"'),
    statement(
      '["arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-*:111122223333:instance/*", "arn:aws:ec2:${aws:RequestedRegion}:111122223333:instance/*"]',
    ),
    statement('"arn:aws:s3:::bucket/*"'),
  ],
  reject: [
    // the two shapes aws-iam-language-server flags
    { code: statement('⟦"arn:aws:ec2:us-east-9:111122223333:instance/*"⟧'), messageId: 'unknown', severity: 'warning' },
    {
      code: statement('⟦"arn:aws-cn:ec2:us-east-1:111122223333:instance/*"⟧'),
      messageId: 'otherPartition',
      severity: 'error',
      message: /Region of the aws partition, not of aws-cn/,
    },
    { code: statement('⟦"arn:aws:ec2:cn-north-1:111122223333:instance/*"⟧'), messageId: 'otherPartition' },
    { code: statement('⟦"arn:aws-us-gov:ec2:us-east-1:111122223333:instance/*"⟧'), messageId: 'otherPartition' },
  ],
});
