import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    { code: '{"Version": "2012-10-17", "Statement": [] // comment\n}', raw: true, language: 'jsonc' },
  ],
  reject: [{ code: '{\n  ⟦// read only⟧\n  "Version": "2012-10-17", ⟦/* none */⟧ "Statement": []\n}', raw: true }],
});
