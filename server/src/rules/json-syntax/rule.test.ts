import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: ['{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'],
  reject: [
    { code: '{"Version": "2012-10-17", "Statement": [⟦}⟧', raw: true, message: /Expected a value|Expected '\]'/ },
    { code: '{"Version": "2012-10-17", "Statement": []}\n⟦{⟧"Statement": []}', raw: true, message: /exactly one JSON object/ },
    { code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "*"}]}', raw: true, message: /Expected ','/ },
    { code: '{"Statement": [{"Action": "s3:Get', raw: true, message: /Unterminated string/ },
    // the 129th level is reported (its content is not checked); the levels above it parse
    {
      code: `{"Statement": [{"Condition": {"X": {"k": ${'['.repeat(123)}⟦[⟧[1]]${']'.repeat(123)}}}}]}`,
      raw: true,
      message: /more than 128 levels/,
    },
  ],
});
