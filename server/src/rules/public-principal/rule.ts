import type { Located, PrincipalBlock } from '../../policy/model';
import { conditionExplanation } from '../../analysis/conditions';
import { defineRule } from '../ruleApi';
import { valueOf } from '../helpers';
import { fix, type Payload } from './fix';

function everyone(block: PrincipalBlock | undefined): { at: Located } | undefined {
  if (!block) {
    return undefined;
  }
  if (block.scalar?.value.trim() === '*') {
    return { at: block.scalar };
  }
  for (const entry of block.entries) {
    if (entry.type === 'AWS') {
      const star = entry.values.values.find((v) => v.value.trim() === '*');
      if (star) {
        return { at: valueOf(block.element) };
      }
    }
  }
  return undefined;
}

export default defineRule<Payload>({
  id: 'public-principal',
  fix,
  meta: {
    description:
      'An Allow grants access to every principal ("*"), including anonymous users and other accounts, without a limiting condition.',
    category: 'principals',
    defaultSeverity: 'warning',
    security: true,
    fixable: true,
    fixAccess: 'narrows',
    policyTypes: ['resource', 'trust'],
    messages: {
      public:
        'Principal "*" without a limiting condition: {{who}} can {{what}}. Limit it with aws:PrincipalOrgID, aws:SourceAccount, aws:SourceVpce or name the principals.',
      trust:
        'Principal "*" in a role trust policy without a limiting condition: any AWS identity can assume this role. Name the principals, or add aws:PrincipalOrgID / sts:ExternalId.',
      conditioned: 'Principal "*" is {{why}}; make sure that condition admits only who you intend.',
    },
  },
  check({ policy, facts, report }) {
    for (const s of policy.statements) {
      if (s.effect?.value !== 'Allow') {
        continue;
      }
      const found = everyone(s.principal);
      // a condition that can never be true: the statement grants nothing (reported once elsewhere)
      if (!found || facts.conditions(s).neverTrue.length > 0) {
        continue;
      }
      const why = conditionExplanation(facts.conditions(s));
      if (why) {
        report({ messageId: 'conditioned', at: found.at, data: { why }, severity: 'info', security: false });
        continue;
      }
      if (policy.policyType === 'trust') {
        report({ messageId: 'trust', at: found.at, severity: 'error' });
      } else {
        const actions = facts.expanded(s).actions;
        const what = actions.length === 1 ? `call ${actions[0].fullName}` : `call ${actions.length} actions`;
        report({ messageId: 'public', at: found.at, data: { who: 'anyone, including anonymous users,', what } });
      }
    }
  },
});
