import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    {
      code: '{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}}}',
      policyType: 'resource',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Principal": {"Service": ⟦"sns.amazonaws.com"⟧}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}',
      policyType: 'resource',
    },
  ],
});
