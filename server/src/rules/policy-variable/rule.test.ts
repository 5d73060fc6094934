import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}',
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, \'shared\'}/*"}',
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${*}literal-star"}',
    '{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"]}}}',
  ],
  reject: [
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b/${aws:username/*"⟧}', messageId: 'unclosed' },
    { code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b/${ aws:username}/*"⟧}', messageId: 'space' },
    {
      code: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"arn:aws:s3:::b/${aws:usrname}/*"⟧}',
      messageId: 'unknown',
      severity: 'warning',
    },
    { code: '{"Effect": "Allow", "Action": ⟦"s3:${aws:username}"⟧, "Resource": "*"}', messageId: 'element' },
  ],
});
