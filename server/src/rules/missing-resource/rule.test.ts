import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}',
    { code: '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}', policyType: 'trust' },
  ],
  reject: [{ code: '{⟦"Effect"⟧: "Allow", "Action": "s3:GetObject"}' }],
});
