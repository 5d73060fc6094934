import rule from './rule';
import { testRule } from '../../testing/testRule';

const resource = (principal: string) =>
  `{"Effect": "Allow", "Principal": ${principal}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`;

testRule(rule, {
  accept: [
    { code: resource('"*"'), policyType: 'resource' },
    {
      code: resource(
        '{"AWS": ["111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/path/R", "arn:aws:sts::111122223333:assumed-role/R/s", "*"]}',
      ),
      policyType: 'resource',
    },
    { code: resource('{"Service": ["cloudtrail.amazonaws.com", "logs.eu-west-1.amazonaws.com"]}'), policyType: 'resource' },
    // the documented principal of a CloudFront origin access identity (S3 bucket policy for a CloudFront origin)
    {
      code: resource('{"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE1ABCD"}'),
      policyType: 'resource',
      name: 'CloudFront OAI',
    },
    {
      code: '{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}',
      policyType: 'trust',
    },
  ],
  reject: [
    { code: resource('⟦"arn:aws:iam::111122223333:root"⟧'), policyType: 'resource', messageId: 'scalar' },
    { code: resource('{⟦"Aws"⟧: "111122223333"}'), policyType: 'resource', messageId: 'type', message: /"AWS"/ },
    { code: resource('{"AWS": ⟦"root"⟧}'), policyType: 'resource', messageId: 'aws' },
    {
      code: resource('{"AWS": ⟦"arn:aws:iam::cloudfront:user/Origin Access Identity E2EXAMPLE1ABCD"⟧}'),
      policyType: 'resource',
      messageId: 'aws',
    },
    { code: resource('{"AWS": ⟦"arn:aws:iam::*:root"⟧}'), policyType: 'resource', messageId: 'wildcard' },
    { code: resource('{"AWS": ⟦"arn:aws:iam::111122223333:group/Admins"⟧}'), policyType: 'resource', messageId: 'group' },
    { code: resource('{"Service": ⟦"lambda"⟧}'), policyType: 'resource', messageId: 'service' },
    { code: resource('{"AWS": ⟦"AROAEXAMPLEID1234567"⟧}'), policyType: 'resource', messageId: 'uniqueId', severity: 'warning' },
  ],
});
