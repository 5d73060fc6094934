/**
 * Hover: what an action or a wildcard grants, what a condition key or operator means, and the
 * IAM console's access-level summary for a statement or the whole policy.
 */
import { accessLevelName, policyTypeLabel, t } from '../../i18n';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ACCESS_LEVELS, resourceMatchesType, type ActionInfo, type IamCatalog } from '../../catalog/catalog';
import { parseOperator } from '../../catalog/operators';
import { hasWildcard } from '../../catalog/wildcard';
import { nearest } from '../../catalog/similar';
import { policyAccess, statementAccess, formatLevels, type PolicyAccess, type StatementAccess } from '../../analysis/accessSummary';
import { expandStatementActions } from '../../analysis/expandActions';
import { locate } from '../../policy/locate';
import type { PolicyDocument, Statement } from '../../policy/model';
import type { JsonPath } from '../../syntax/jsonPath';
import { catalogFooter, code, link, md, table } from '../markdown';
import { PRINCIPAL_DOCS, STATEMENT_ELEMENT_DOCS, TOP_LEVEL_ELEMENT_DOCS } from '../elementDocs';

export interface HoverContext {
  catalog: IamCatalog;
  document: TextDocument;
  policy: PolicyDocument | undefined;
  basePath?: JsonPath;
  now?: Date;
}

const MAX_LISTED = 40;

export function getHover(ctx: HoverContext, offset: number): Hover | null {
  const text = ctx.document.getText();
  if (!ctx.policy) {
    return null;
  }
  const loc = locate(text, offset, ctx.policy, ctx.basePath);
  const { context, token } = loc;
  const range = { start: ctx.document.positionAt(token.offset), end: ctx.document.positionAt(token.offset + token.length) };
  const value = token.value.trim();
  let body: string | undefined;

  switch (context.kind) {
    case 'topLevelKey':
      if (value === 'Statement') {
        body = renderPolicySummary(ctx.policy, policyAccess(ctx.policy, ctx.catalog, ctx.now));
      } else if (TOP_LEVEL_ELEMENT_DOCS[value]) {
        body = `**${md(value)}**\n\n${TOP_LEVEL_ELEMENT_DOCS[value]}`;
      }
      break;
    case 'version':
      body = value === '2012-10-17' ? t('hover.version.current') : value === '2008-10-17' ? t('hover.version.old') : undefined;
      break;
    case 'statementKey':
      body = statementKeyHover(ctx, value, context.statement);
      break;
    case 'statementList':
    case 'effect':
    case 'sid': {
      const statement = context.kind === 'statementList' ? statementAtOffset(ctx.policy, offset) : context.statement;
      if (statement) {
        body = renderStatementSummary(statementAccess(statement, ctx.catalog, ctx.now));
        if (context.kind === 'statementList') {
          return { contents: { kind: MarkupKind.Markdown, value: body }, range: nodeRange(ctx, statement) };
        }
      }
      break;
    }
    case 'action':
      if (token.quoted || token.fromTree) {
        body = actionHover(ctx.catalog, value);
      }
      break;
    case 'resource':
      if (token.quoted || token.fromTree) {
        body = resourceHover(ctx.catalog, value, context.statement);
      }
      break;
    case 'principalKey':
      body = PRINCIPAL_DOCS[value] ? `${t('hover.principalType', { type: `**${md(value)}**` })}\n\n${PRINCIPAL_DOCS[value]}` : undefined;
      break;
    case 'principalValue':
      if (token.quoted || token.fromTree) {
        body = principalHover(ctx.catalog, value, context.principalType);
      }
      break;
    case 'conditionOperator':
      body = operatorHover(value);
      break;
    case 'conditionKey':
      body = conditionKeyHover(ctx.catalog, value, context.statement);
      break;
    default:
      break;
  }
  if (!body) {
    return null;
  }
  return { contents: { kind: MarkupKind.Markdown, value: `${body}\n\n---\n${catalogFooter(ctx.catalog)}` }, range };
}

function nodeRange(ctx: HoverContext, statement: Statement) {
  return {
    start: ctx.document.positionAt(statement.node.offset),
    end: ctx.document.positionAt(statement.node.offset + statement.node.length),
  };
}

function statementAtOffset(policy: PolicyDocument, offset: number): Statement | undefined {
  return policy.statements.find((s) => offset >= s.node.offset && offset < s.node.offset + s.node.length);
}

function statementKeyHover(ctx: HoverContext, key: string, statement: Statement | undefined): string | undefined {
  const doc = STATEMENT_ELEMENT_DOCS[key];
  if (!doc) {
    return undefined;
  }
  if (statement && (key === 'Effect' || key === 'Action' || key === 'NotAction' || key === 'Sid')) {
    return `${renderStatementSummary(statementAccess(statement, ctx.catalog, ctx.now))}\n\n---\n**${key}**: ${doc}`;
  }
  return `**${key}**\n\n${doc}`;
}

// ---------------------------------------------------------------------------------------------

export function renderAction(catalog: IamCatalog, action: ActionInfo): string {
  const lines = [`**${code(action.fullName)}** · ${accessLevelName(action.level)}`, '', md(action.description)];
  const types = catalog.resourceTypesOf(action);
  if (types.length > 0) {
    lines.push(
      '',
      table(
        [t('hover.resourceType'), 'ARN'],
        action.resourceTypes.map((r) => {
          const type = action.service.resourceTypes.get(r.name);
          return [`${r.name}${r.required ? t('hover.required') : ''}`, type ? code(type.arn) : ''];
        }),
      ),
    );
  } else {
    lines.push('', t('hover.noResourceLevel'));
  }
  const keys = catalog.conditionKeysOf(action);
  if (keys.length > 0) {
    const shown = keys.slice(0, 12).map(code).join(', ');
    lines.push('', t('hover.conditionKeys', { keys: `${shown}${keys.length > 12 ? `, … (${keys.length})` : ''}` }));
  }
  lines.push('', link(t('hover.serviceReference', { service: action.service.name }), catalog.actionDocUrl(action)));
  return lines.join('\n');
}

export function renderWildcard(pattern: string, matches: ActionInfo[]): string {
  if (matches.length === 0) {
    return t('hover.wildcard.none', { pattern: code(pattern) });
  }
  const counts = ACCESS_LEVELS.map((l) => [l, matches.filter((a) => a.level === l).length] as const).filter(([, n]) => n > 0);
  const lines = [
    t(pattern === '*' ? 'hover.wildcard.star' : 'hover.wildcard.matches', { pattern: code(pattern), count: matches.length }),
    '',
    table(
      [t('hover.accessLevel'), t('hover.actions')],
      counts.map(([l, n]) => [accessLevelName(l), String(n)]),
    ),
  ];
  if (pattern !== '*') {
    const shown = matches.slice(0, MAX_LISTED).map((a) => `${code(a.fullName)} (${accessLevelName(a.level)})`);
    lines.push(
      '',
      shown.join(', ') +
        (matches.length > MAX_LISTED ? t('hover.andMore', { count: matches.length - MAX_LISTED, total: matches.length }) : ''),
    );
  }
  return lines.join('\n');
}

export function actionHover(catalog: IamCatalog, value: string): string | undefined {
  if (value === '') {
    return undefined;
  }
  if (hasWildcard(value)) {
    return renderWildcard(value, catalog.matchActions(value));
  }
  const action = catalog.action(value);
  if (action) {
    return renderAction(catalog, action);
  }
  const colon = value.indexOf(':');
  const service = colon > 0 ? catalog.service(value.slice(0, colon)) : undefined;
  if (!service) {
    return t('hover.unknownService', {
      value: `**${code(value)}**`,
      prefix: `\`${md(value.slice(0, Math.max(colon, 0)))}\``,
      date: catalog.dataDate,
    });
  }
  const guesses = nearest(
    value.slice(colon + 1),
    service.actions.map((a) => a.name),
  );
  return `${t('hover.unknownAction', { value: `**${code(value)}**`, service: service.name, date: catalog.dataDate })}${
    guesses.length ? t('hover.didYouMean', { candidates: guesses.map((g) => code(`${service.prefix}:${g}`)).join(', ') }) : ''
  }`;
}

function resourceHover(catalog: IamCatalog, value: string, statement: Statement | undefined): string | undefined {
  if (value === '*') {
    return t('hover.resourceStar');
  }
  if (!statement) {
    return undefined;
  }
  const actions = expandStatementActions(statement, catalog).actions.slice(0, 500);
  const matched = new Map<string, { type: string; service: string; arn: string; actions: string[] }>();
  for (const action of actions) {
    for (const type of catalog.resourceTypesOf(action)) {
      if (resourceMatchesType(value, type)) {
        const key = `${type.service.prefix}/${type.name}`;
        const entry = matched.get(key) ?? { type: type.name, service: type.service.prefix, arn: type.arn, actions: [] };
        entry.actions.push(action.fullName);
        matched.set(key, entry);
      }
    }
  }
  if (matched.size === 0) {
    return t('hover.resourceNoType', { value: code(value) });
  }
  return [
    `${code(value)}`,
    '',
    table(
      [t('hover.resourceType'), t('hover.arnFormat'), t('hover.actions')],
      [...matched.values()].map((m) => [
        `${m.service} ${m.type}`,
        code(m.arn),
        `${m.actions.slice(0, 4).map(code).join(', ')}${m.actions.length > 4 ? ` +${m.actions.length - 4}` : ''}`,
      ]),
    ),
  ].join('\n');
}

function principalHover(catalog: IamCatalog, value: string, principalType: string | undefined): string | undefined {
  if (value === '*') {
    return principalType === undefined || principalType === 'AWS' ? t('hover.principalStar') : undefined;
  }
  if (principalType === 'Service') {
    const p = catalog.servicePrincipals.find((sp) => sp.principal === value);
    return p ? `**${code(value)}**: ${md(p.description)}` : t('hover.servicePrincipal', { value: code(value) });
  }
  if (principalType === 'AWS') {
    if (/^\d{12}$/.test(value) || /:root$/.test(value)) {
      return t('hover.accountPrincipal', { value: code(value), account: value.match(/\d{12}/)?.[0] ?? '' });
    }
  }
  return undefined;
}

function operatorHover(value: string): string | undefined {
  const parsed = parseOperator(value);
  if (!parsed.info) {
    return t('hover.operator.unknown', { operator: code(value) });
  }
  const lines = [`**${code(value)}** · ${parsed.info.family} operator`, '', parsed.info.description];
  if (parsed.ifExists) {
    lines.push('', t('hover.operator.ifExists'));
  }
  if (parsed.qualifier === 'ForAnyValue') {
    lines.push('', t('hover.operator.forAnyValue'));
  }
  if (parsed.qualifier === 'ForAllValues') {
    lines.push('', t('hover.operator.forAllValues'));
  }
  return lines.join('\n');
}

function conditionKeyHover(catalog: IamCatalog, value: string, statement: Statement | undefined): string | undefined {
  const info = catalog.conditionKey(value);
  if (!info) {
    return t('hover.unknownConditionKey', { value: code(value), date: catalog.dataDate });
  }
  const lines = [`**${code(info.key)}** · ${info.type}${info.global ? t('hover.globalKey') : ''}`, ''];
  if (info.description) {
    lines.push(md(info.description), '');
  }
  if (info.deprecatedBy) {
    lines.push(t('hover.deprecatedKey', { replacement: code(info.deprecatedBy) }), '');
  }
  if (info.multiValued) {
    lines.push(t('hover.multivalued'), '');
  }
  if (!info.global && !info.generic) {
    const users = catalog.actionsSupportingKey(info);
    const inStatement = statement ? new Set(expandStatementActions(statement, catalog).actions) : new Set<ActionInfo>();
    const here = users.filter((a) => inStatement.has(a));
    lines.push(
      `${t('hover.supportedBy', { count: users.length })}${here.length ? t('hover.inThisStatement', { count: here.length }) : ''}: ${users
        .slice(0, 12)
        .map((a) => code(a.fullName))
        .join(', ')}${users.length > 12 ? ', …' : ''}`,
      '',
    );
  }
  lines.push(link(t('hover.documentation'), catalog.conditionKeyDocUrl(info)));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// summaries

function resourceLine(sa: StatementAccess): string {
  switch (sa.resources.kind) {
    case 'all':
      return t('hover.allResources');
    case 'allExcept':
      return t('hover.allResourcesExcept', { resources: sa.resources.resources.map(code).join(', ') });
    case 'specific':
      return `${sa.resources.description || t('summary.resources', { count: sa.resources.resources.length })}: ${sa.resources.resources.slice(0, 5).map(code).join(', ')}${
        sa.resources.resources.length > 5 ? ', …' : ''
      }`;
    case 'none':
      return t('hover.noResource');
  }
}

export function renderStatementSummary(sa: StatementAccess): string {
  const statement = sa.statement;
  const title = `**${sa.effect ? t(sa.effect === 'Allow' ? 'effect.Allow' : 'effect.Deny') : t('hover.statement')}**${statement.sid?.value ? ` ${code(statement.sid.value)}` : ''}${
    sa.negatedActions ? t('hover.exceptListed') : ''
  }`;
  const lines = [title, ''];
  if (sa.services.length === 0) {
    lines.push(t('hover.noKnownActions'));
  } else {
    lines.push(
      table(
        [t('hover.service'), t(sa.effect === 'Deny' ? 'hover.deniedLevels' : 'hover.grantedLevels')],
        sa.services
          .slice(0, 25)
          .map((s) => [
            `${s.service.name} (${s.service.prefix})`,
            s.full ? t('hover.fullAccess', { count: s.actions.length }) : t('hover.limited', { levels: formatLevels(s.levels, s.totals) }),
          ]),
      ),
    );
    if (sa.services.length > 25) {
      lines.push('', t('hover.moreServicesActions', { count: sa.services.length - 25, actions: sa.actionCount }));
    }
  }
  lines.push('', `${t('hover.resourcesLabel')} ${resourceLine(sa)}`);
  lines.push('', `${t('hover.conditionsLabel')} ${sa.conditions.length ? sa.conditions.map(md).join(', ') : t('hover.none')}`);
  if (sa.neverApplies) {
    lines.push('', t('hover.neverApplies'));
  }
  return lines.join('\n');
}

export function renderPolicySummary(policy: PolicyDocument, access: PolicyAccess): string {
  const lines = [
    `${t('hover.policySummary')} · ${policyTypeLabel(policy.policyType)}${policy.policyTypeSource === 'inferred' ? t('hover.inferred') : ''}`,
    '',
  ];
  if (access.services.length === 0) {
    lines.push(t('hover.noKnownActions'));
    return lines.join('\n');
  }
  const rows = access.services.slice(0, 40).map((s) => {
    const allowed = formatLevels(s.allowed, s.totals) || '—';
    const denied = formatLevels(s.denied) || '—';
    const allowing = s.statements.filter((sa) => sa.effect === 'Allow');
    const resources = allowing.some((sa) => sa.resources.kind === 'all' || sa.resources.kind === 'allExcept')
      ? t('hover.allResources')
      : allowing.length
        ? t('hover.specific')
        : '—';
    const conditions = allowing.some((sa) => sa.conditions.length > 0)
      ? [...new Set(allowing.flatMap((sa) => sa.conditions))].slice(0, 3).join(', ')
      : t('hover.noneCap');
    return [`${s.service.name} (${s.service.prefix})`, allowed, resources, conditions, denied];
  });
  lines.push(table([t('hover.service'), t('hover.allowed'), t('hover.resources'), t('hover.conditions'), t('hover.denied')], rows));
  if (access.services.length > 40) {
    lines.push('', t('hover.moreServices', { count: access.services.length - 40 }));
  }
  return lines.join('\n');
}
