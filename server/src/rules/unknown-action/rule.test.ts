import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": ["s3:listallmybuckets", "iam:ListUsers", "s3:Get*"], "Resource": "*"}',
    // AWSManagedSettingsAdminAccess and RDSCloudHsmAuthorizationRole: actions AWS's managed policies use that the data lacks
    {
      code: '{"Effect": "Allow", "Action": ["budgets:CreateBudget", "budgets:DescribeBudgets", "cloudhsm:DescribeHapg"], "Resource": "*"}',
      name: 'names AWS managed policies use',
    },
  ],
  reject: [
    {
      code: '{"Effect": "Allow", "Action": ⟦"s3:GetObjct"⟧, "Resource": "*"}',
      messageId: 'typo',
      message: /"s3:GetObject"/,
      severity: 'error',
    },
    { code: '{"Effect": "Allow", "Action": ["iam:ListUsers", ⟦"iam:list"⟧], "Resource": "*"}', messageId: 'unknown', severity: 'warning' },
    // a data gap is a warning naming the data date; the verb must agree for a did-you-mean (never "ModifyBudgetAction" -> "UpdateBudgetAction")
    {
      code: '{"Effect": "Allow", "Action": ⟦"budgets:ModifyBudgetAction"⟧, "Resource": "*"}',
      messageId: 'unknown',
      severity: 'warning',
      message: /data of \d{4}-\d\d-\d\d/,
    },
    // one name extending another is not a typo ("CreateBudgetActionz" is near "CreateBudgetAction"; "CreateBudgetTemplate" is not)
    { code: '{"Effect": "Allow", "Action": ⟦"budgets:CreateBudgetTemplate"⟧, "Resource": "*"}', messageId: 'unknown', severity: 'warning' },
    {
      code: '{"Effect": "Allow", "Action": ⟦"budgets:CreateBudgetActin"⟧, "Resource": "*"}',
      messageId: 'typo',
      message: /"budgets:CreateBudgetAction"/,
    },
  ],
});
