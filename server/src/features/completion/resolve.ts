/** completionItem/resolve: the documentation of an action or condition key, filled in when an item is selected. */
import { MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { IamCatalog } from '../../catalog/catalog';
import { renderAction } from '../hover/hover';
import { t } from '../../i18n';
import { catalogFooter, code, link, md } from '../markdown';
import { wildcardDocumentation, type CompletionData } from './completion';

export function resolveCompletion(catalog: IamCatalog, item: CompletionItem): CompletionItem {
  const data = item.data as CompletionData | undefined;
  if (data?.kind === 'action') {
    const action = catalog.action(data.name ?? item.label);
    if (action) {
      item.documentation = { kind: MarkupKind.Markdown, value: `${renderAction(catalog, action)}\n\n${catalogFooter(catalog)}` };
    }
  } else if (data?.kind === 'wildcard') {
    const value = wildcardDocumentation(catalog, data.pattern ?? item.label);
    if (value) {
      item.documentation = { kind: MarkupKind.Markdown, value };
    }
  } else if (data?.kind === 'conditionKey') {
    const info = catalog.conditionKey(data.key);
    if (info) {
      item.documentation = {
        kind: MarkupKind.Markdown,
        value: `${code(info.key)} · ${info.type}\n\n${md(info.description)}\n\n${link(t('hover.documentation'), catalog.conditionKeyDocUrl(info))}`,
      };
    }
  }
  return item;
}
