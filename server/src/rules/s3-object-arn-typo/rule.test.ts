import rule from './rule';
import { testRule } from '../../testing/testRule';

const statement = (resource: string) => `{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ${resource}}`;

testRule(rule, {
  accept: [
    statement('["arn:aws:s3:::bucket1", "arn:aws:s3:::bucket1/*"]'),
    statement('"arn:aws:s3:::bucket1/logs:2024/*"'),
    statement('"arn:aws:s3:us-west-2:111122223333:accesspoint/ap1/object/*"'),
    statement('"arn:aws:s3:::${aws:PrincipalTag/bucket}/*"'),
  ],
  reject: [
    { code: statement('["arn:aws:s3:::bucket1", ⟦"arn:aws:s3:::bucket1:*"⟧]'), messageId: 'colon', message: /"arn:aws:s3:::bucket1\/\*"/ },
    { code: statement('⟦"arn:aws-cn:s3:::bucket1:reports/*"⟧'), messageId: 'colon', message: /"arn:aws-cn:s3:::bucket1\/reports\/\*"/ },
  ],
});
