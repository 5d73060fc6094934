import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": ["s3:GetObject", "S3:getobject", "s*:Get*"], "Resource": "*"}'],
  reject: [
    { code: '{"Effect": "Allow", "Action": ⟦"s4:GetObject"⟧, "Resource": "*"}', messageId: 'typo', message: /"s3"/, severity: 'error' },
    { code: '{"Effect": "Allow", "Action": ⟦"service-prefix:action-name"⟧, "Resource": "*"}', messageId: 'unknown', severity: 'warning' },
  ],
});
