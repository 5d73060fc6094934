import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}',
      policyType: 'trust',
    },
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Deployer"}, "Action": "sts:AssumeRole"}',
      policyType: 'trust',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Principal": {"AWS": ⟦"arn:aws:iam::444455556666:root"⟧}, "Action": "sts:AssumeRole"}',
      policyType: 'trust',
      message: /444455556666/,
    },
  ],
});
