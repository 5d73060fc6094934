/**
 * Data for the "policy summary" view: one row per service and effect, like the IAM console's
 * policy summary (service, access level, resources, request conditions).
 */
import type { IamCatalog } from '../../catalog/catalog';
import { formatLevels, policyAccess, type StatementAccess } from '../../analysis/accessSummary';
import type { PolicyFile } from '../../policy/policyFile';
import { policyTypeLabel, t } from '../../i18n';
import type { PolicySummaryResult, PolicySummaryRow } from '../../shared/protocol';

function statementName(sa: StatementAccess): string {
  const s = sa.statement;
  return s.sid?.value || (s.index !== undefined ? t('summaryView.statementN', { n: s.index + 1 }) : t('hover.statement'));
}

export function buildPolicySummary(catalog: IamCatalog, file: PolicyFile, now: Date): PolicySummaryResult {
  const rows: PolicySummaryRow[] = [];
  let title = '';
  file.policies.forEach(({ policy }, i) => {
    if (i === 0) {
      title = `${policyTypeLabel(policy.policyType)}${policy.policyTypeSource === 'inferred' ? t('hover.inferred') : ''}`;
    }
    const access = policyAccess(policy, catalog, now);
    for (const effect of ['Allow', 'Deny'] as const) {
      for (const svc of access.services) {
        const contributing = svc.statements.filter((sa) => sa.effect === effect && sa.services.some((x) => x.service === svc.service));
        if (contributing.length === 0) {
          continue;
        }
        const levels = effect === 'Allow' ? svc.allowed : svc.denied;
        const total = Object.values(levels).reduce((a, b) => a + b, 0);
        const full = total === svc.service.actions.length;
        const resources = contributing.some((sa) => sa.resources.kind === 'all')
          ? t('hover.allResources')
          : contributing.some((sa) => sa.resources.kind === 'allExcept')
            ? t('summaryView.allExceptSome')
            : [...new Set(contributing.flatMap((sa) => (sa.resources.kind === 'specific' ? sa.resources.resources : [])))].join(', ') ||
              t('hover.noneCap');
        const conditions = [...new Set(contributing.flatMap((sa) => sa.conditions))].join(', ') || t('hover.noneCap');
        rows.push({
          service: svc.service.prefix,
          serviceName: svc.service.name,
          effect,
          accessLevel: full
            ? t('summaryView.fullAccess', { count: total })
            : t('hover.limited', { levels: formatLevels(levels, svc.totals) }),
          levels: { ...levels },
          resources,
          conditions,
          statements: contributing.map(statementName),
        });
      }
    }
  });
  return { isPolicy: file.isPolicy, title, policyType: file.policies[0]?.policy.policyType, rows, dataDate: catalog.dataDate };
}
